package kz.forumpulse.reporting.export;

import java.util.List;

/** A report flattened for export: a header row and data rows of plain values. */
public record Table(String name, List<String> headers, List<List<Object>> rows) {}
