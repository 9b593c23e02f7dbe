import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.LogoImages;
import dev.sommelier.tasks.data.synthetic.LogoStyle;
import java.nio.file.Path;

/**
 * Draws the seven-maker logo folders (cluttered style, 128x128 PNG, seed 42) that the from-scratch
 * comparison with PyTorch trains on: {@code java -cp tools/target/sommelier.jar DrawLogos.java DIR N}.
 */
public class DrawLogos {
  public static void main(String[] args) throws Exception {
    new LogoImages(7, Integer.parseInt(args[1]), 128, FileFormat.PNG, 42L, LogoStyle.CLUTTERED)
        .writeTo(Path.of(args[0]));
  }
}
