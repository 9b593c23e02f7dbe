package dev.sommelier.tools.report;

/**
 * One image of a report page: a plot (also written as {@code report/<file>}) or a Grad-CAM contact
 * sheet.
 *
 * @param file the PNG's file name, e.g. {@code training-curves.png}
 * @param title the heading above it on the page
 * @param caption how to read it
 * @param png the image, PNG-encoded
 */
record Figure(String file, String title, String caption, byte[] png) {}
