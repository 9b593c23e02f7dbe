package dev.sommelier.tasks.data.synthetic;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** The file format synthetic images are written in. */
public enum FileFormat {
  /** Lossless PNG. */
  PNG("png"),
  /** Baseline JPEG at quality 0.92. */
  JPEG("jpg");

  private static final float JPEG_QUALITY = 0.92f;

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  /** The file-name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** Writes {@code image} to {@code file}, creating its folder. */
  public void write(BufferedImage image, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (this == PNG) {
      if (!ImageIO.write(image, "png", file.toFile())) {
        throw new IOException("no PNG writer for " + file);
      }
      return;
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    Files.deleteIfExists(file);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
