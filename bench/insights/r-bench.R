# R surveillance's side of bench/insights/run.sh: farringtonFlexible and earsC (C2) on the seeded subsample of the
# series InsightsBench generated, timed inside R around the detection calls only (R's start-up, reading the files and
# building the sts objects are outside the clock), and every monitored point written out for the comparison.
# Usage: Rscript r-bench.R WORKDIR MONITORED_WEEKS
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
work <- args[1]
monitoredWeeks <- as.integer(args[2])

# A wide file: header "series,date1,date2,…", then one line per series "number,count1,count2,…". Only the lines of the
# subsample are split into numbers.
readSubsample <- function(data, subsample) {
  lines <- readLines(file.path(work, data))
  dates <- as.Date(strsplit(lines[1], ",", fixed = TRUE)[[1]][-1])
  numbers <- as.integer(readLines(file.path(work, subsample)))
  counts <- lapply(strsplit(lines[1 + numbers], ",", fixed = TRUE), function(cells) {
    stopifnot(length(cells) == length(dates) + 1)
    as.numeric(cells[-1])
  })
  list(dates = dates, numbers = numbers, counts = counts)
}
one <- function(counts, dates, frequency) sts(observed = matrix(counts, ncol = 1), epoch = as.numeric(dates), epochAsDate = TRUE, frequency = frequency)
clock <- function(start) { t <- proc.time() - start; c(elapsed = t[["elapsed"]], cpu = t[["user.self"]] + t[["sys.self"]]) }
timings <- list()
timing <- function(what, series, points, t) timings[[length(timings) + 1]] <<- data.frame(what = what, series = series, points = points, elapsed = t[["elapsed"]], cpu = t[["cpu"]])
errors <- list()
number <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
logical <- function(x) ifelse(is.na(x), "", ifelse(x, "TRUE", "FALSE"))

# --- farringtonFlexible: R's defaults (b = 3, w = 3, reweight, weightsThreshold 2.58, alpha 0.05, trend with
# pThresholdTrend 0.05, limit54 c(5, 4), powertrans 2/3, noPeriods 1, pastWeeksNotIncluded = w, thresholdMethod
# delta) on the last monitoredWeeks weeks; glmWarnings = FALSE only silences glm's warnings.
weekly <- readSubsample("weekly.csv", "r-flexible.txt")
n <- length(weekly$dates)
control <- list(range = (n - monitoredWeeks + 1):n, glmWarnings = FALSE)
stss <- lapply(weekly$counts, one, dates = weekly$dates, frequency = 52)
results <- vector("list", length(stss))
invisible(gc())
start <- proc.time()
for (i in seq_along(stss)) results[[i]] <- tryCatch(farringtonFlexible(stss[[i]], control = control), error = function(e) conditionMessage(e))
t <- clock(start)
timing("farringtonFlexible", length(stss), length(stss) * monitoredWeeks, t)
cat(sprintf("R farringtonFlexible: %d series x %d weeks in %.1f s (%.1f CPU s), %.1f ms per series\n",
            length(stss), monitoredWeeks, t[["elapsed"]], t[["cpu"]], 1000 * t[["elapsed"]] / length(stss)))
rows <- list()
for (i in seq_along(results)) {
  res <- results[[i]]
  if (is.character(res)) { errors[[length(errors) + 1]] <- data.frame(method = "farringtonFlexible", series = weekly$numbers[i], message = res); next }
  rows[[length(rows) + 1]] <- data.frame(series = weekly$numbers[i], date = format(weekly$dates[control$range]),
    upperbound = number(as.vector(upperbound(res))), expected = number(as.vector(res@control$expected)), alarm = logical(as.vector(alarms(res))))
}
write.csv(do.call(rbind, rows), file.path(work, "r-flexible-results.csv"), row.names = FALSE, quote = FALSE)

# --- earsC C2: R's defaults (baseline 7, minSigma 0, alpha 0.001), R's default range: every day from baseline + 3.
daily <- readSubsample("daily.csv", "r-ears.txt")
stss <- lapply(daily$counts, one, dates = daily$dates, frequency = 365)
control <- list(method = "C2")
results <- vector("list", length(stss))
invisible(gc())
start <- proc.time()
for (i in seq_along(stss)) results[[i]] <- tryCatch(earsC(stss[[i]], control = control), error = function(e) conditionMessage(e))
t <- clock(start)
monitoredDays <- length(daily$dates) - 9
timing("earsC2", length(stss), length(stss) * monitoredDays, t)
cat(sprintf("R earsC C2, one call per series: %d series x %d days in %.1f s (%.1f CPU s), %.2f ms per series\n",
            length(stss), monitoredDays, t[["elapsed"]], t[["cpu"]], 1000 * t[["elapsed"]] / length(stss)))

# The same series as one multivariate sts in a single call: earsC then loops over the columns itself, which saves R
# the per-call work; the faster of the two ways is R's figure.
all <- sts(observed = do.call(cbind, daily$counts), epoch = as.numeric(daily$dates), epochAsDate = TRUE, frequency = 365)
invisible(gc())
start <- proc.time()
together <- earsC(all, control = control)
t <- clock(start)
timing("earsC2-one-call", length(stss), length(stss) * monitoredDays, t)
cat(sprintf("R earsC C2, one call for all: %d series in %.1f s (%.1f CPU s), %.2f ms per series\n",
            length(stss), t[["elapsed"]], t[["cpu"]], 1000 * t[["elapsed"]] / length(stss)))

rows <- list()
differ <- 0
monitored <- format(daily$dates[10:length(daily$dates)])
for (i in seq_along(results)) {
  res <- results[[i]]
  if (is.character(res)) { errors[[length(errors) + 1]] <- data.frame(method = "earsC2", series = daily$numbers[i], message = res); next }
  if (!identical(as.vector(upperbound(res)), as.vector(upperbound(together)[, i]))) differ <- differ + 1
  rows[[length(rows) + 1]] <- data.frame(series = daily$numbers[i], date = monitored,
    upperbound = number(as.vector(upperbound(res))), alarm = logical(as.vector(alarms(res))))
}
if (differ > 0) cat(sprintf("R earsC C2: %d series got other bounds in the one call than alone\n", differ))
write.csv(do.call(rbind, rows), file.path(work, "r-ears-results.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, timings), file.path(work, "r-timing.csv"), row.names = FALSE, quote = FALSE)
write.csv(if (length(errors)) do.call(rbind, errors) else data.frame(method = character(), series = integer(), message = character()),
          file.path(work, "r-errors.csv"), row.names = FALSE)
cat(sprintf("R: %d series stopped with an error\n", length(errors)))
