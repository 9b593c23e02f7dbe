package dev.sommelier.tools.gui;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.data.augment.AugmentOp;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.train.OptimizerKind;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Arrays;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.ButtonGroup;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;

/**
 * The job form: Train, Predict or Compare, and the fields of the chosen one. It only reads what
 * is typed; {@link TrainForm}, {@link PredictForm} and {@link CompareForm} check it.
 */
final class FormPanel extends JPanel {

  /** Which job the form describes. */
  enum Mode { TRAIN, PREDICT, COMPARE }

  private final JRadioButton train = new JRadioButton("Train a model", true);
  private final JRadioButton compare = new JRadioButton("Compare backbones");
  private final JComboBox<String> backbone;
  private final JTextField inputSize;
  private final JComboBox<WeightsChoice> weights = new JComboBox<>(WeightsChoice.values());
  private final FolderField weightsFile = FolderField.fileOrFolder("weightsFile",
      "A Keras weights file (.h5) or SavedModel folder of the same backbone");
  private final FolderField data =
      new FolderField("dataFolder", "A folder with one sub-folder of images per class");
  private final JComboBox<String> optimizer;
  private final JTextField learningRate;
  private final JTextField batch;
  private final JTextField epochs;
  private final JComboBox<String> scope;
  private final JTextField fineTune;
  private final JComboBox<String> augment;
  private final FolderField trainOut =
      new FolderField("trainOut", "Where the model, report.json and epochs.csv go");
  private final FolderField model =
      new FolderField("modelFolder", "A model folder from training (OUT/model) or import");
  private final FolderField images =
      new FolderField("imagesFolder", "A folder of jpg, png, bmp or gif images");
  private final FolderField predictOut = new FolderField("predictOut",
      "Where predictions.csv and predictions.json go (blank: predictions/ beside the model)");
  private final FolderField compareData =
      new FolderField("compareData", "A folder with one sub-folder of images per class");
  private final JTextField compareBackbones;
  private final JComboBox<String> compareWeights = new JComboBox<>(new String[] {"imagenet",
      "none"});
  private final JTextField compareEpochs;
  private final JTextField compareInputSize;
  private final FolderField runsFile = FolderField.fileOrFolder("runsFile",
      "Optional: a YAML or JSON file naming each run and its train options (instead of the"
          + " backbones)");
  private final FolderField compareOut = new FolderField("compareOut",
      "Where a folder per run and compare/ (index.html, comparison.json) go");

  /** A form with the {@code train} command's defaults and the registry's backbones. */
  FormPanel(BackboneRegistry registry) {
    super(new GridBagLayout());
    TrainForm d = TrainForm.defaults();
    backbone = new JComboBox<>(BackboneChoices.of(registry).toArray(String[]::new));
    backbone.setEditable(true);
    backbone.setPrototypeDisplayValue("mobilenet_v1:alpha=0.75, room to type");
    backbone.setSelectedItem(d.backbone());
    backbone.setName("backbone");
    backbone.setToolTipText("A registered backbone; type options too, e.g. simple_cnn:blocks=2");
    inputSize = field("inputSize", d.inputSize(), 4, "Square input size; blank for the default");
    weights.setName("weights");
    weights.setToolTipText("Where the backbone's weights start; ImageNet weights of other"
        + " backbones come from Keras's cache, ~/.keras/models");
    weights.setSelectedItem(WeightsChoice.of(d.weights()));
    weightsFile.setEnabled(false);
    weights.addActionListener(e -> weightsFile.setEnabled(
        weights.getSelectedItem() == WeightsChoice.FILE));
    optimizer = new JComboBox<>(Arrays.stream(OptimizerKind.values())
        .map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
    optimizer.setSelectedItem(d.optimizer());
    optimizer.setName("optimizer");
    learningRate = field("learningRate", d.learningRate(), 6, "Learning rate");
    batch = field("batch", d.batch(), 4, "Images per step");
    epochs = field("epochs", d.epochs(), 4, "Epochs to train (of the first phase)");
    scope = new JComboBox<>(new String[] {"head", "last-2", "last-4", "all"});
    scope.setEditable(true);
    scope.setSelectedItem(d.scope());
    scope.setName("scope");
    scope.setToolTipText("What trains: the head, the head and the last N blocks (last-N), or all");
    fineTune = field("fineTune", d.fineTune(), 10, "After the head, train SCOPE for EPOCHS more"
        + " epochs at RATE (default: a tenth of the learning rate), e.g. last-2:5 or"
        + " last-6:10:1e-4; blank for none");
    augment = new JComboBox<>(new String[] {d.augment(), "default", "default,cutout"});
    augment.setEditable(true);
    augment.setPrototypeDisplayValue("flip,affine:0.3,cutout:0.2, room");
    augment.setSelectedItem(d.augment());
    augment.setName("augment");
    augment.setToolTipText("<html>none; default (" + AugmentationConfig.DEFAULT + "); or"
        + " operations, each with an optional :STRENGTH in [0, 1] and @PROBABILITY,<br>e.g."
        + " flip,affine:0.3,cutout:0.2. Operations: " + AugmentOp.labels() + "</html>");

    CompareForm cd = CompareForm.defaults();
    compareBackbones = field("backbones", cd.backbones(), 28, "Backbones to compare, one run"
        + " each, comma-separated; pixels gets the mlp head; options as in"
        + " mobilenet_v1:alpha=0.25");
    compareWeights.setName("compareWeights");
    compareWeights.setSelectedItem(cd.weights());
    compareWeights.setToolTipText("imagenet: backbones with ImageNet weights start from them and"
        + " train their head; the others, and all with none, train every layer from scratch");
    compareEpochs = field("compareEpochs", cd.epochs(), 4, "Epochs of every run");
    compareInputSize = field("compareInputSize", cd.inputSize(), 4,
        "Square input size of every run; blank for each backbone's default");

    JRadioButton predict = new JRadioButton("Predict images");
    train.setName("modeTrain");
    predict.setName("modePredict");
    compare.setName("modeCompare");
    ButtonGroup group = new ButtonGroup();
    group.add(train);
    group.add(predict);
    group.add(compare);

    CardLayout cards = new CardLayout();
    JPanel jobs = new JPanel(cards);
    jobs.add(trainCard(), Mode.TRAIN.name());
    jobs.add(predictCard(), Mode.PREDICT.name());
    jobs.add(compareCard(), Mode.COMPARE.name());
    train.addActionListener(e -> cards.show(jobs, Mode.TRAIN.name()));
    predict.addActionListener(e -> cards.show(jobs, Mode.PREDICT.name()));
    compare.addActionListener(e -> cards.show(jobs, Mode.COMPARE.name()));

    JPanel modes = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
    modes.add(train);
    modes.add(predict);
    modes.add(compare);
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 1;
    add(modes, c);
    add(jobs, c);
    setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
  }

  /** The chosen job. */
  Mode mode() {
    return train.isSelected() ? Mode.TRAIN : compare.isSelected() ? Mode.COMPARE : Mode.PREDICT;
  }

  /** The train fields as typed. */
  TrainForm trainForm() {
    return new TrainForm(String.valueOf(backbone.getEditor().getItem()), inputSize.getText(),
        ((WeightsChoice) weights.getSelectedItem()).weights(weightsFile.text()), data.text(),
        String.valueOf(optimizer.getSelectedItem()), learningRate.getText(), batch.getText(),
        epochs.getText(), String.valueOf(scope.getEditor().getItem()), fineTune.getText(),
        String.valueOf(augment.getEditor().getItem()),
        trainOut.text());
  }

  /** The predict fields as typed. */
  PredictForm predictForm() {
    return new PredictForm(model.text(), images.text(), predictOut.text());
  }

  /** The compare fields as typed. */
  CompareForm compareForm() {
    return new CompareForm(compareData.text(), compareBackbones.getText(),
        String.valueOf(compareWeights.getSelectedItem()), compareEpochs.getText(),
        compareInputSize.getText(), runsFile.text(), compareOut.text());
  }

  private JPanel trainCard() {
    JPanel p = new JPanel(new GridBagLayout());
    row(p, 0, "Data folder", data);
    row(p, 1, "Backbone", inline(backbone, new JLabel("Input size"), inputSize,
        hint("blank: the backbone's default")));
    row(p, 2, "Start from", inline(weights, weightsFile));
    row(p, 3, "Optimizer", inline(optimizer, new JLabel("Learning rate"), learningRate,
        new JLabel("Batch"), batch, new JLabel("Epochs"), epochs));
    row(p, 4, "Train", inline(scope, new JLabel("Then fine-tune"), fineTune,
        hint("SCOPE:EPOCHS[:RATE], e.g. last-2:5; blank: none")));
    row(p, 5, "Augmentation", inline(augment,
        hint("training images only; OUT/augmented-samples.png shows them")));
    row(p, 6, "Output folder", trainOut);
    return p;
  }

  private JPanel predictCard() {
    JPanel p = new JPanel(new GridBagLayout());
    row(p, 0, "Model folder", model);
    row(p, 1, "Images folder", images);
    row(p, 2, "Output folder", predictOut);
    row(p, 3, "", hint("blank output folder: predictions/ beside the model folder"));
    return p;
  }

  private JPanel compareCard() {
    JPanel p = new JPanel(new GridBagLayout());
    row(p, 0, "Data folder", compareData);
    row(p, 1, "Backbones", inline(compareBackbones, new JLabel("Start from"), compareWeights));
    row(p, 2, "Epochs", inline(compareEpochs, new JLabel("Input size"), compareInputSize,
        hint("blank: each backbone's default; same split, seed and test images for every run")));
    row(p, 3, "Runs file", runsFile);
    row(p, 4, "", hint("optional: named runs with their own train options, instead of the"
        + " backbones"));
    row(p, 5, "Output folder", compareOut);
    return p;
  }

  private static void row(JPanel p, int y, String label, JComponent field) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridy = y;
    c.insets = new Insets(3, 4, 3, 4);
    c.anchor = GridBagConstraints.LINE_START;
    p.add(new JLabel(label), c);
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 1;
    p.add(field, c);
  }

  private static Box inline(JComponent... parts) {
    Box b = Box.createHorizontalBox();
    for (JComponent part : parts) {
      if (b.getComponentCount() > 0) {
        b.add(Box.createHorizontalStrut(part instanceof JLabel ? 12 : 6));
      }
      part.setMaximumSize(part.getPreferredSize());
      b.add(part);
    }
    b.add(Box.createHorizontalGlue());
    return b;
  }

  private static JLabel hint(String text) {
    JLabel l = new JLabel(text);
    l.setEnabled(false);
    return l;
  }

  private static JTextField field(String name, String value, int columns, String tooltip) {
    JTextField f = new JTextField(value, columns);
    f.setName(name);
    f.setToolTipText(tooltip);
    return f;
  }
}
