package dev.sommelier.tasks.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ImageFiles#imagesUnder}: the images of a folder tree, as prediction reads them. */
class ImageFilesTest {

  @TempDir Path dir;

  private Path touch(String name) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, new byte[] {1});
  }

  private List<String> under(String folder) throws Exception {
    Path root = dir.resolve(folder);
    return ImageFiles.imagesUnder(root).stream()
        .map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
  }

  @Test
  void aFoldersOwnImagesComeFirstThenEachSubFolderInNaturalOrderAtAnyDepth() throws Exception {
    touch("test/img10.png");
    touch("test/img2.JPG");
    touch("test/notes.txt");
    touch("test/.hidden.png");
    touch("test/cat_10/x.png");
    touch("test/cat_2/b.gif");
    touch("test/cat_2/a.jpeg");
    touch("test/cat_2/deeper/c.bmp");
    touch("test/cat_2/.thumbs/t.png");
    touch("test/.git/objects/o.png");
    Files.createDirectories(dir.resolve("test/empty"));
    assertEquals(List.of("img2.JPG", "img10.png", "cat_2/a.jpeg", "cat_2/b.gif",
        "cat_2/deeper/c.bmp", "cat_10/x.png"), under("test"));
  }

  @Test
  void aLinkBackToAnOpenFolderIsNotFollowedButOtherLinksAre() throws Exception {
    touch("photos/a/1.png");
    touch("elsewhere/2.png");
    Files.createSymbolicLink(dir.resolve("photos/a/loop"), dir.resolve("photos"));
    Files.createSymbolicLink(dir.resolve("photos/b"), dir.resolve("elsewhere"));
    assertEquals(List.of("a/1.png", "b/2.png"), under("photos"));
  }
}
