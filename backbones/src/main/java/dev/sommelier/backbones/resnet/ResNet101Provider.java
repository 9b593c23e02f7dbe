package dev.sommelier.backbones.resnet;

/** Registers {@code resnet101}: Keras ResNet101 without top (3, 4, 23, 3 blocks), input 224. */
public final class ResNet101Provider extends ResNetProvider {

  public ResNet101Provider() {
    super("resnet101", "ResNet101", 3, 4, 23, 3);
  }
}
