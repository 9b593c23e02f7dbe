package dev.sommelier.tasks.data;

import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a JPEG's frame header and Adobe APP14 marker say about its colour: the number of components
 * and the Adobe colour transform, read from ImageIO's native JPEG metadata.
 *
 * @param components 1 (grey), 3 (YCbCr or RGB) or 4 (CMYK or YCCK)
 * @param adobeTransform 0 (none), 1 (YCbCr) or 2 (YCCK), or -1 without an Adobe marker
 */
record JpegHeader(int components, int adobeTransform) {

  /** Not a JPEG, or a JPEG whose metadata could not be read: decoded the ordinary way. */
  static final JpegHeader NONE = new JpegHeader(0, -1);

  private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

  static JpegHeader of(ImageReader reader) throws IOException {
    try {
      IIOMetadata metadata = reader.getImageMetadata(0);
      if (metadata == null) {
        return NONE;
      }
      Node root = metadata.getAsTree(FORMAT);
      Element sof = first(root, "sof");
      Element adobe = first(root, "app14Adobe");
      int components = sof == null ? 0 : Integer.parseInt(sof.getAttribute("numFrameComponents"));
      int transform = adobe == null ? -1 : Integer.parseInt(adobe.getAttribute("transform"));
      return new JpegHeader(components, transform);
    } catch (IIOException | IllegalArgumentException e) {
      // metadata ImageIO cannot parse: decode plainly, which reports real damage itself
      return NONE;
    }
  }

  private static Element first(Node root, String tag) {
    NodeList list = ((Element) root).getElementsByTagName(tag);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }
}
