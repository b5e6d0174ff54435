# Writes R surveillance's earsC and cusum answers for the test EarsAgainstRTests (run by it, into a temporary directory; nothing
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

# algo.cusum (through the sts wrapper cusum), monitoring the last two thirds of each series; m estimated from the first
# third unless given. Variants: each transformation at the defaults, other k and h, a fixed m, another alpha.
cusums <- data.frame(
  variant = c("standard", "rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "none", "standard-kh", "rossi-m", "pearsonNegBin-alpha"),
  trans   = c("standard", "rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "none", "standard", "rossi", "pearsonNegBin"),
  k       = c(1.04, 1.04, 1.04, 1.04, 1.04, 1.04, 0.5, 1.04, 1.04),
  h       = c(2.26, 2.26, 2.26, 2.26, 2.26, 2.26, 4, 2.26, 2.26),
  m       = c(NA, NA, NA, NA, NA, NA, NA, 2.5, NA),
  alpha   = c(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4))
write.csv(cusums, file.path(out, "cusum-variants.csv"), row.names = FALSE, na = "")
rows <- list()
for (key in names(series)) {
  s <- series[[key]]
  range <- (floor(nrow(s$sts) / 3) + 1):nrow(s$sts)
  for (v in seq_len(nrow(cusums))) {
    control <- list(range = range, k = cusums$k[v], h = cusums$h[v], trans = cusums$trans[v], alpha = cusums$alpha[v])
    if (!is.na(cusums$m[v])) control$m <- cusums$m[v]
    res <- cusum(s$sts, control = control)
    rows[[length(rows) + 1]] <- data.frame(series = key, variant = cusums$variant[v], date = format(s$dates[range]),
      upperbound = sprintf("%.17g", as.vector(upperbound(res))), alarm = as.vector(alarms(res)))
  }
}
write.csv(do.call(rbind, rows), file.path(out, "cusum-reference.csv"), row.names = FALSE, quote = FALSE)
cat(length(series), "series,", nrow(variants), "EARS variants,", nrow(cusums), "CUSUM variants\n")
