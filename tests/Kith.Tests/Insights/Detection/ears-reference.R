# Writes R surveillance's earsC answers for the test EarsAgainstRTests (run by it, into a temporary directory; nothing
# it writes is committed: the datasets are GPL, part of the package). Usage: Rscript ears-reference.R OUTDIR
suppressPackageStartupMessages(library(surveillance))
out <- commandArgs(trailingOnly = TRUE)[1]
dir.create(file.path(out, "series"), recursive = TRUE, showWarnings = FALSE)

# One single-column sts per series, named dataset-column, with dates (weekly from 2000-01-03 where the data has none).
series <- list()
add <- function(name, x) {
  for (j in seq_len(ncol(x))) {
    one <- x[, j]
    dates <- if (one@epochAsDate) as.Date(epoch(one)) else as.Date("2000-01-03") + 7 * (seq_len(nrow(one)) - 1)
    key <- gsub("[^A-Za-z0-9]+", "_", paste(name, colnames(x)[j], sep = "-"))
    series[[key]] <<- list(sts = one, dates = dates)
  }
}
data("salmNewport"); add("salmNewport", salmNewport)
data("ha"); add("ha", disProg2sts(ha))
data("measlesDE"); add("measlesDE", measlesDE)
data("stsNewport"); add("stsNewport", stsNewport)

variants <- data.frame(
  variant  = c("C1", "C1-alpha", "C1-wide", "C2", "C2-alpha", "C2-wide", "C2-later", "C3", "C3-alpha", "C3-wide"),
  method   = c("C1", "C1", "C1", "C2", "C2", "C2", "C2", "C3", "C3", "C3"),
  baseline = c(7, 7, 10, 7, 7, 10, 7, 7, 7, 10),
  minSigma = c(0, 0, 0.5, 0, 0, 0.5, 0, 0, 0, 1),
  alpha    = c(NA, 0.05, 0.01, NA, 0.05, 0.01, NA, NA, 0.001, 0.05),
  later    = c(0, 0, 0, 0, 0, 0, 11, 0, 0, 0))
write.csv(variants, file.path(out, "variants.csv"), row.names = FALSE)

rows <- list()
for (key in names(series)) {
  s <- series[[key]]
  write.csv(data.frame(date = format(s$dates), count = as.vector(observed(s$sts))), file.path(out, "series", paste0(key, ".csv")),
            row.names = FALSE, quote = FALSE, na = "")
  for (v in seq_len(nrow(variants))) {
    control <- list(method = variants$method[v], baseline = variants$baseline[v], minSigma = variants$minSigma[v])
    if (!is.na(variants$alpha[v])) control$alpha <- variants$alpha[v]
    lag <- switch(control$method, C1 = control$baseline, C2 = control$baseline + 2, C3 = control$baseline + 4)
    control$range <- (lag + 1 + variants$later[v]):nrow(s$sts)
    res <- earsC(s$sts, control = control)
    rows[[length(rows) + 1]] <- data.frame(series = key, variant = variants$variant[v], date = format(s$dates[control$range]),
      upperbound = sprintf("%.17g", as.vector(upperbound(res))), alarm = as.vector(alarms(res)))
  }
}
write.csv(do.call(rbind, rows), file.path(out, "reference.csv"), row.names = FALSE, quote = FALSE)
cat(length(series), "series,", nrow(variants), "variants\n")
