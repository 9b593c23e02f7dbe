package dev.sommelier.tasks.jobs.evaluate;

import dev.sommelier.tasks.jobs.DataSummary;
import dev.sommelier.tasks.jobs.EvaluationReport;
import java.nio.file.Path;

/**
 * What an {@link EvaluateJob} did; also the content of its {@code evaluation.json}.
 *
 * @param model the model directory evaluated
 * @param data the data source, as a person would name it
 * @param out the output folder
 * @param report the report file ({@code out/evaluation.json})
 * @param dataSummary the files found, the images used and the files left out, per class and per
 *     part of the split the evaluated part was cut from (no parts when all the data were
 *     evaluated)
 * @param evaluation the numbers
 */
public record EvaluateResult(Path model, String data, Path out, Path report,
    DataSummary dataSummary, EvaluationReport evaluation) {}
