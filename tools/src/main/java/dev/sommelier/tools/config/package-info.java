/**
 * Run files: a command's options read from a YAML or JSON file ({@code --config}) and written back
 * ({@code --save-config}). A command takes them by mixing in {@link
 * dev.sommelier.tools.config.ConfigOption} and, to write them, {@link
 * dev.sommelier.tools.config.SaveConfigOption}.
 */
package dev.sommelier.tools.config;
