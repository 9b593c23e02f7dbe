package dev.sommelier.tools.report;

/**
 * A cell of an image grid.
 *
 * @param png the image, PNG-encoded, or null for text alone
 * @param text the line under it
 * @param right true to show the text as right, false as wrong, null as plain
 */
record ImageCell(byte[] png, String text, Boolean right) {}
