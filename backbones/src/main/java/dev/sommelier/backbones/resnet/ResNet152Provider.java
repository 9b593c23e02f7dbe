package dev.sommelier.backbones.resnet;

/** Registers {@code resnet152}: Keras ResNet152 without top (3, 8, 36, 3 blocks), input 224. */
public final class ResNet152Provider extends ResNetProvider {

  public ResNet152Provider() {
    super("resnet152", "ResNet152", 3, 8, 36, 3);
  }
}
