/**
 * Pictures and files of a class-activation map: the JET colour map ({@link
 * dev.sommelier.tasks.explain.render.Jet}), the heat map blended over the original image ({@link
 * dev.sommelier.tasks.explain.render.Overlay}), the raw map as a 16-bit grayscale PNG and as CSV
 * ({@link dev.sommelier.tasks.explain.render.RawMapFiles}), and a contact sheet of a whole run
 * ({@link dev.sommelier.tasks.explain.render.ContactSheet}). Every file is written atomically
 * ({@link dev.sommelier.core.AtomicFiles}).
 */
package dev.sommelier.tasks.explain.render;
