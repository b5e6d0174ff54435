# Writes R surveillance's earsC, cusum, farrington and farringtonFlexible answers for the test DetectionAgainstRTests (run by it,
# into a temporary directory; nothing it writes is committed: the datasets are GPL, part of the package).
# Usage: Rscript detection-reference.R OUTDIR
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
  write.csv(data.frame(date = format(s$dates), count = as.vector(observed(s$sts)), population = sprintf("%.17g", as.vector(population(s$sts)))),
            file.path(out, "series", paste0(key, ".csv")), row.names = FALSE, quote = FALSE, na = "")
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
  variant = c("standard", "rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "none", "standard-kh", "rossi-m", "pearsonNegBin-alpha", "standard-glm", "rossi-glm"),
  trans   = c("standard", "rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "none", "standard", "rossi", "pearsonNegBin", "standard", "rossi"),
  k       = c(1.04, 1.04, 1.04, 1.04, 1.04, 1.04, 0.5, 1.04, 1.04, 1.04, 1.04),
  h       = c(2.26, 2.26, 2.26, 2.26, 2.26, 2.26, 4, 2.26, 2.26, 2.26, 2.26),
  m       = c(NA, NA, NA, NA, NA, NA, NA, "2.5", NA, "glm", "glm"),
  alpha   = c(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4, 0.1, 0.1))
write.csv(cusums, file.path(out, "cusum-variants.csv"), row.names = FALSE, na = "")
rows <- list()
for (key in names(series)) {
  s <- series[[key]]
  range <- (floor(nrow(s$sts) / 3) + 1):nrow(s$sts)
  for (v in seq_len(nrow(cusums))) {
    control <- list(range = range, k = cusums$k[v], h = cusums$h[v], trans = cusums$trans[v], alpha = cusums$alpha[v])
    if (!is.na(cusums$m[v])) control$m <- if (cusums$m[v] == "glm") "glm" else as.numeric(cusums$m[v])
    res <- cusum(s$sts, control = control)
    rows[[length(rows) + 1]] <- data.frame(series = key, variant = cusums$variant[v], date = format(s$dates[range]),
      upperbound = sprintf("%.17g", as.vector(upperbound(res))), alarm = as.vector(alarms(res)))
  }
}
write.csv(do.call(rbind, rows), file.path(out, "cusum-reference.csv"), row.names = FALSE, quote = FALSE)

# The Farrington methods. A series with dates (epochAsDate) finds the weeks a year back by the calendar, one without
# by going back 52 points a year: the test reads which from series.csv. farrington is slow in R, so each variant
# monitors a short range: the last weeks that have the variant's b years (and w weeks) of history, ending `shift`
# weeks before the end so that the variants look at different weeks; a series without that history is skipped. The
# datasets' counts by region are small: but for the default and a "limit54" variant, limit54 is c(0, 4), so that every
# week has a bound to compare (R's default c(5, 4) leaves most of these weeks without one).
write.csv(data.frame(series = names(series), epochAsDate = sapply(series, function(s) s$sts@epochAsDate)),
          file.path(out, "series.csv"), row.names = FALSE, quote = FALSE)
firstWithHistory <- function(s, b, w) {
  n <- nrow(s$sts)
  k <- 52 * b + w + 1
  if (s$sts@epochAsDate) {
    epochs <- as.numeric(epoch(s$sts))
    while (k <= n && anyNA(surveillance:::refvalIdxByDate(as.Date(epochs[k], origin = "1970-01-01"), b, w, "1 week", epochs))) k <- k + 1
  }
  k
}
monitored <- function(s, b, w, weeks, shift) {
  n <- nrow(s$sts)
  first <- firstWithHistory(s, b, w)
  if (first > n) return(NULL)
  end <- min(n, max(n - shift, first + weeks - 1))
  max(first, end - weeks + 1):end
}
runVariants <- function(variants, run, weeks) {
  rows <- list()
  for (v in seq_len(nrow(variants))) for (key in names(series)) {
    s <- series[[key]]
    range <- monitored(s, variants$b[v], variants$w[v], weeks[v], variants$shift[v])
    if (is.null(range)) next
    res <- run(s$sts, range, variants[v, ])
    rows[[length(rows) + 1]] <- data.frame(series = key, variant = variants$variant[v], date = format(s$dates[range]),
      upperbound = sprintf("%.17g", as.vector(upperbound(res))), alarm = as.vector(alarms(res)),
      expected = if (is.null(res@control$expected)) NA else sprintf("%.17g", as.vector(res@control$expected)))
  }
  do.call(rbind, rows)
}

farringtons <- data.frame(
  variant    = c("default", "alpha", "noreweight", "notrend", "b3w2", "sqrt", "none", "limit54", "b2w4"),
  b          = c(5, 5, 5, 5, 3, 5, 5, 5, 2),
  w          = c(3, 3, 3, 3, 2, 3, 3, 3, 4),
  reweight   = c(TRUE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE),
  alpha      = c(0.05, 0.01, 0.05, 0.05, 0.05, 0.05, 0.1, 0.05, 0.05),
  trend      = c(TRUE, TRUE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE),
  cases      = c(5, 0, 0, 0, 0, 0, 0, 2, 0),
  weeks      = c(4, 4, 4, 4, 4, 4, 4, 2, 4),
  powertrans = c("2/3", "2/3", "2/3", "2/3", "2/3", "1/2", "none", "2/3", "2/3"),
  shift      = c(0, 10, 20, 30, 40, 50, 60, 70, 80))
write.csv(farringtons, file.path(out, "farrington-variants.csv"), row.names = FALSE)
write.csv(runVariants(farringtons, function(sts, range, v)
  farrington(sts, control = list(range = range, b = v$b, w = v$w, reweight = v$reweight, alpha = v$alpha, trend = v$trend,
                                 limit54 = c(v$cases, v$weeks), powertrans = v$powertrans)),
  c(16, rep(8, nrow(farringtons) - 1))), file.path(out, "farrington-reference.csv"), row.names = FALSE, quote = FALSE, na = "")

# pThresholdTrend 0.5, not 1: at 1 the trend is kept whenever p < 1, and where the window is symmetric the trend
# estimate is rounding noise (1e-17) whose t gives p = 1 or just below it depending on the QR's last bits — which no
# reimplementation matches bit for bit (2 of 8,344 weeks disagreed so, all weeks of 6 series).
flexibles <- data.frame(
  variant = c("delta", "nbPlugin", "muan", "noreweight", "notrend", "b5w2", "alpha", "sqrt", "none", "periods", "population",
              "weights1-ptrend05", "pastweeks1-limit32"),
  b = c(3, 3, 3, 3, 3, 5, 3, 3, 3, 3, 2, 3, 3),
  w = c(3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3),
  reweight = c(TRUE, TRUE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE),
  weightsThreshold = c(2.58, 2.58, 2.58, 2.58, 2.58, 2.58, 2.58, 2.58, 2.58, 2.58, 2.58, 1, 2.58),
  alpha = c(0.05, 0.05, 0.01, 0.05, 0.05, 0.05, 0.01, 0.05, 0.1, 0.05, 0.05, 0.05, 0.05),
  trend = c(TRUE, TRUE, TRUE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE),
  pThresholdTrend = c(0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.5, 0.05),
  cases = c(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3),
  weeks = c(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2),
  powertrans = c("2/3", "2/3", "2/3", "2/3", "2/3", "2/3", "2/3", "1/2", "none", "2/3", "2/3", "2/3", "2/3"),
  populationOffset = c(FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, FALSE, FALSE),
  noPeriods = c(1, 1, 1, 1, 1, 1, 1, 1, 1, 10, 1, 1, 1),
  pastWeeksNotIncluded = c(NA, NA, NA, NA, NA, NA, NA, NA, NA, 26, NA, NA, 1),
  thresholdMethod = c("delta", "nbPlugin", "muan", "delta", "delta", "delta", "muan", "delta", "delta", "delta", "delta", "nbPlugin", "delta"),
  shift = c(0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96))
write.csv(flexibles, file.path(out, "flexible-variants.csv"), row.names = FALSE, na = "")
write.csv(runVariants(flexibles, function(sts, range, v) {
  control <- list(range = range, b = v$b, w = v$w, reweight = v$reweight, weightsThreshold = v$weightsThreshold, alpha = v$alpha,
                  trend = v$trend, pThresholdTrend = v$pThresholdTrend, limit54 = c(v$cases, v$weeks), powertrans = v$powertrans,
                  populationOffset = v$populationOffset, noPeriods = v$noPeriods, thresholdMethod = v$thresholdMethod, glmWarnings = FALSE)
  if (!is.na(v$pastWeeksNotIncluded)) control$pastWeeksNotIncluded <- v$pastWeeksNotIncluded
  farringtonFlexible(sts, control = control)
}, c(10, rep(5, nrow(flexibles) - 1))), file.path(out, "flexible-reference.csv"), row.names = FALSE, quote = FALSE, na = "")
# farringtonFlexible with every default (b = 5, w = 3, R's own range) on one dated series: the defaults themselves checked.
s <- series[["stsNewport_observed1"]]
res <- farringtonFlexible(s$sts, control = list(glmWarnings = FALSE))
write.csv(data.frame(series = "stsNewport_observed1", variant = "defaults", date = format(as.Date(epoch(res))),
  upperbound = sprintf("%.17g", as.vector(upperbound(res))), alarm = as.vector(alarms(res)),
  expected = sprintf("%.17g", as.vector(res@control$expected))), file.path(out, "flexible-defaults.csv"), row.names = FALSE, quote = FALSE, na = "")
cat(length(series), "series,", nrow(variants), "EARS variants,", nrow(cusums), "CUSUM variants,", nrow(farringtons), "farrington variants,",
    nrow(flexibles), "farringtonFlexible variants\n")
