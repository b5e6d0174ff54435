using Kith.Screening.Instruments;
using Kith.Screening.Scoring;

namespace Kith.Tests.Screening.Scoring;

/// <summary>
/// The verification table: responses scored by hand, one row each, with the arithmetic beside it so a
/// reviewer can check every row by eye. Columns: instrument, answers ("item=code"), expected scores
/// ("id=value", empty when the response is incomplete), band, flags (space-separated), safety action.
/// Covers every band edge on both sides, reversed items, K10 and C-SSRS skip logic, WHO-5 percentage,
/// incomplete responses with and without critical answers, and unscored items that change nothing.
/// </summary>
public sealed class HandCheckedScoresTests
{
    private static readonly InstrumentLibrary Library = InstrumentLibrary.Embedded();

    [Theory]
    [InlineData("phq-9", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0", "total=0", "minimal", "", "")] // 0+0+0+0+0+0+0+0+0 = total=0
    [InlineData("phq-9", "1=1 2=1 3=1 4=1 5=0 6=0 7=0 8=0 9=0", "total=4", "minimal", "", "")] // 1+1+1+1+0+0+0+0+0 = total=4
    [InlineData("phq-9", "1=1 2=1 3=1 4=1 5=1 6=0 7=0 8=0 9=0", "total=5", "mild", "", "")] // 1+1+1+1+1+0+0+0+0 = total=5
    [InlineData("phq-9", "1=3 2=3 3=3 4=0 5=0 6=0 7=0 8=0 9=0", "total=9", "mild", "", "")] // 3+3+3+0+0+0+0+0+0 = total=9
    [InlineData("phq-9", "1=3 2=3 3=3 4=1 5=0 6=0 7=0 8=0 9=0", "total=10", "moderate", "positive", "")] // 3+3+3+1+0+0+0+0+0 = total=10
    [InlineData("phq-9", "1=3 2=3 3=3 4=3 5=2 6=0 7=0 8=0 9=0", "total=14", "moderate", "positive", "")] // 3+3+3+3+2+0+0+0+0 = total=14
    [InlineData("phq-9", "1=3 2=3 3=3 4=3 5=3 6=0 7=0 8=0 9=0", "total=15", "moderately-severe", "positive", "")] // 3+3+3+3+3+0+0+0+0 = total=15
    [InlineData("phq-9", "1=3 2=3 3=3 4=3 5=3 6=3 7=1 8=0 9=0", "total=19", "moderately-severe", "positive", "")] // 3+3+3+3+3+3+1+0+0 = total=19
    [InlineData("phq-9", "1=3 2=3 3=3 4=3 5=3 6=3 7=2 8=0 9=0", "total=20", "severe", "positive", "")] // 3+3+3+3+3+3+2+0+0 = total=20
    [InlineData("phq-9", "1=3 2=3 3=3 4=3 5=3 6=3 7=3 8=3 9=3", "total=27", "severe", "positive", "Urgent")] // 3+3+3+3+3+3+3+3+3 = total=27
    [InlineData("phq-9", "1=3 2=3 3=3 4=3 5=3 6=3 7=3 8=3 9=3 10=3", "total=27", "severe", "positive", "Urgent")] // 3+3+3+3+3+3+3+3+3 = total=27
    [InlineData("phq-9", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=1", "total=1", "minimal", "", "Urgent")] // 0+0+0+0+0+0+0+0+1 = total=1
    [InlineData("phq-9", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=1 10=3", "total=1", "minimal", "", "Urgent")] // 0+0+0+0+0+0+0+0+1 = total=1
    [InlineData("phq-9", "1=2 2=2 3=2 4=2 5=2 6=0 7=0 8=0 9=0 10=0", "total=10", "moderate", "positive", "")] // 2+2+2+2+2+0+0+0+0 = total=10
    [InlineData("phq-9", "1=2 2=2 3=2 4=2 5=2 6=0 7=0 8=0 9=0 10=3", "total=10", "moderate", "positive", "")] // 2+2+2+2+2+0+0+0+0 = total=10
    [InlineData("phq-9", "1=1 2=1 3=1 4=1 5=1 6=1 7=1 8=1 9=0 10=2", "total=8", "mild", "", "")] // 1+1+1+1+1+1+1+1+0 = total=8
    [InlineData("phq-9", "2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0", "", "", "", "")] // incomplete: missing 1
    [InlineData("phq-9", "1=3 2=3 3=3 4=3 6=3 7=3 8=3 9=2", "", "", "", "Urgent")] // incomplete: missing 5; critical answer still read -> Urgent
    [InlineData("phq-9", "9=3", "", "", "", "Urgent")] // incomplete: missing 1,2,3,4,5,6,7,8; critical answer still read -> Urgent
    [InlineData("phq-9", "1=3 2=3 3=3 4=3 5=3 6=3 7=3 8=3 10=3", "", "", "", "")] // incomplete: missing 9
    [InlineData("phq-9", "2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 1=4", "", "", "", "")] // incomplete: unknown answer 1=4
    [InlineData("phq-9", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 11=0", "", "", "", "")] // incomplete: unknown answer 11=0
    [InlineData("phq-9", "1=1 2=0 3=1 4=0 5=1 6=0 7=1 8=0 9=1", "total=5", "mild", "", "Urgent")] // 1+0+1+0+1+0+1+0+1 = total=5
    [InlineData("phq-9", "1=2 2=1 3=2 4=1 5=2 6=1 7=0 8=0 9=0", "total=9", "mild", "", "")] // 2+1+2+1+2+1+0+0+0 = total=9
    [InlineData("phq-a", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 depressed-year=no thoughts-month=no attempt-ever=no", "total=0", "minimal", "", "")] // 0+0+0+0+0+0+0+0+0 = total=0
    [InlineData("phq-a", "1=1 2=1 3=1 4=1 5=0 6=0 7=0 8=0 9=0 depressed-year=no thoughts-month=no attempt-ever=no", "total=4", "minimal", "", "")] // 1+1+1+1+0+0+0+0+0 = total=4
    [InlineData("phq-a", "1=1 2=1 3=1 4=1 5=1 6=0 7=0 8=0 9=0 depressed-year=no thoughts-month=no attempt-ever=no", "total=5", "mild", "", "")] // 1+1+1+1+1+0+0+0+0 = total=5
    [InlineData("phq-a", "1=3 2=3 3=3 4=0 5=0 6=0 7=0 8=0 9=0 depressed-year=yes thoughts-month=no attempt-ever=no", "total=9", "mild", "", "")] // 3+3+3+0+0+0+0+0+0 = total=9
    [InlineData("phq-a", "1=3 2=3 3=3 4=1 5=0 6=0 7=0 8=0 9=0 depressed-year=yes thoughts-month=no attempt-ever=no", "total=10", "moderate", "", "")] // 3+3+3+1+0+0+0+0+0 = total=10
    [InlineData("phq-a", "1=3 2=3 3=3 4=2 5=0 6=0 7=0 8=0 9=0 depressed-year=yes thoughts-month=no attempt-ever=no", "total=11", "moderate", "positive", "")] // 3+3+3+2+0+0+0+0+0 = total=11
    [InlineData("phq-a", "1=3 2=3 3=3 4=3 5=2 6=0 7=0 8=0 9=0 depressed-year=yes difficulty=2 thoughts-month=no attempt-ever=no", "total=14", "moderate", "positive", "")] // 3+3+3+3+2+0+0+0+0 = total=14
    [InlineData("phq-a", "1=3 2=3 3=3 4=3 5=3 6=0 7=0 8=0 9=0 depressed-year=yes difficulty=2 thoughts-month=no attempt-ever=no", "total=15", "moderately-severe", "positive", "")] // 3+3+3+3+3+0+0+0+0 = total=15
    [InlineData("phq-a", "1=3 2=3 3=3 4=3 5=3 6=3 7=1 8=0 9=0 depressed-year=yes difficulty=3 thoughts-month=no attempt-ever=no", "total=19", "moderately-severe", "positive", "")] // 3+3+3+3+3+3+1+0+0 = total=19
    [InlineData("phq-a", "1=3 2=3 3=3 4=3 5=3 6=3 7=2 8=0 9=0 depressed-year=yes difficulty=3 thoughts-month=no attempt-ever=no", "total=20", "severe", "positive", "")] // 3+3+3+3+3+3+2+0+0 = total=20
    [InlineData("phq-a", "1=3 2=3 3=3 4=3 5=3 6=3 7=3 8=3 9=3 depressed-year=yes difficulty=3 thoughts-month=yes attempt-ever=yes", "total=27", "severe", "positive", "Urgent")] // 3+3+3+3+3+3+3+3+3 = total=27
    [InlineData("phq-a", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=1 depressed-year=no thoughts-month=no attempt-ever=no", "total=1", "minimal", "", "Urgent")] // 0+0+0+0+0+0+0+0+1 = total=1
    [InlineData("phq-a", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 depressed-year=no thoughts-month=yes attempt-ever=no", "total=0", "minimal", "", "Urgent")] // 0+0+0+0+0+0+0+0+0 = total=0
    [InlineData("phq-a", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 depressed-year=no thoughts-month=no attempt-ever=yes", "total=0", "minimal", "", "Urgent")] // 0+0+0+0+0+0+0+0+0 = total=0
    [InlineData("phq-a", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 depressed-year=yes difficulty=3 thoughts-month=no attempt-ever=no", "total=0", "minimal", "", "")] // 0+0+0+0+0+0+0+0+0 = total=0
    [InlineData("phq-a", "1=2 2=2 3=2 4=2 5=2 6=0 7=0 8=0 9=0 depressed-year=no difficulty=0 thoughts-month=no attempt-ever=no", "total=10", "moderate", "", "")] // 2+2+2+2+2+0+0+0+0 = total=10
    [InlineData("phq-a", "1=2 2=2 3=2 4=2 5=2 6=0 7=0 8=0 9=0 depressed-year=yes difficulty=3 thoughts-month=no attempt-ever=no", "total=10", "moderate", "", "")] // 2+2+2+2+2+0+0+0+0 = total=10
    [InlineData("phq-a", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 thoughts-month=no attempt-ever=no", "", "", "", "")] // incomplete: missing depressed-year
    [InlineData("phq-a", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 depressed-year=no attempt-ever=no", "", "", "", "")] // incomplete: missing thoughts-month
    [InlineData("phq-a", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 depressed-year=no thoughts-month=no", "", "", "", "")] // incomplete: missing attempt-ever
    [InlineData("phq-a", "1=3 2=3 3=3 4=3 5=3 6=3 7=3 8=3 9=3 depressed-year=no attempt-ever=yes", "", "", "", "Urgent")] // incomplete: missing thoughts-month; critical answer still read -> Urgent
    [InlineData("phq-a", "thoughts-month=yes", "", "", "", "Urgent")] // incomplete: missing 1,2,3,4,5,6,7,8,9,depressed-year,attempt-ever; critical answer still read -> Urgent
    [InlineData("phq-a", "2=1 3=1 4=1 5=1 6=1 7=1 8=1 9=2 depressed-year=no thoughts-month=no attempt-ever=no", "", "", "", "Urgent")] // incomplete: missing 1; critical answer still read -> Urgent
    [InlineData("phq-a", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=0 9=0 depressed-year=no attempt-ever=no thoughts-month=maybe", "", "", "", "")] // incomplete: unknown answer thoughts-month=maybe
    [InlineData("phq-a", "1=1 2=2 3=1 4=2 5=1 6=2 7=1 8=0 9=0 depressed-year=no difficulty=1 thoughts-month=no attempt-ever=no", "total=10", "moderate", "", "")] // 1+2+1+2+1+2+1+0+0 = total=10
    [InlineData("phq-2", "1=0 2=0", "total=0", "negative", "", "")] // 0+0 = total=0
    [InlineData("phq-2", "1=1 2=1", "total=2", "negative", "", "")] // 1+1 = total=2
    [InlineData("phq-2", "1=2 2=0", "total=2", "negative", "", "")] // 2+0 = total=2
    [InlineData("phq-2", "1=2 2=1", "total=3", "positive", "positive", "")] // 2+1 = total=3
    [InlineData("phq-2", "1=0 2=3", "total=3", "positive", "positive", "")] // 0+3 = total=3
    [InlineData("phq-2", "1=3 2=2", "total=5", "positive", "positive", "")] // 3+2 = total=5
    [InlineData("phq-2", "1=3 2=3", "total=6", "positive", "positive", "")] // 3+3 = total=6
    [InlineData("phq-2", "1=1", "", "", "", "")] // incomplete: missing 2
    [InlineData("phq-2", "2=3", "", "", "", "")] // incomplete: missing 1
    [InlineData("phq-2", "1=1 2=1 9=3", "", "", "", "")] // incomplete: unknown answer 9=3
    [InlineData("phq-2", "1=0 2=1", "total=1", "negative", "", "")] // 0+1 = total=1
    [InlineData("phq-2", "1=1 2=2", "total=3", "positive", "positive", "")] // 1+2 = total=3
    [InlineData("gad-7", "1=0 2=0 3=0 4=0 5=0 6=0 7=0", "total=0", "minimal", "", "")] // 0+0+0+0+0+0+0 = total=0
    [InlineData("gad-7", "1=1 2=1 3=1 4=1 5=0 6=0 7=0", "total=4", "minimal", "", "")] // 1+1+1+1+0+0+0 = total=4
    [InlineData("gad-7", "1=1 2=1 3=1 4=1 5=1 6=0 7=0", "total=5", "mild", "", "")] // 1+1+1+1+1+0+0 = total=5
    [InlineData("gad-7", "1=3 2=3 3=3 4=0 5=0 6=0 7=0", "total=9", "mild", "", "")] // 3+3+3+0+0+0+0 = total=9
    [InlineData("gad-7", "1=3 2=3 3=3 4=1 5=0 6=0 7=0", "total=10", "moderate", "positive", "")] // 3+3+3+1+0+0+0 = total=10
    [InlineData("gad-7", "1=3 2=3 3=3 4=3 5=2 6=0 7=0", "total=14", "moderate", "positive", "")] // 3+3+3+3+2+0+0 = total=14
    [InlineData("gad-7", "1=3 2=3 3=3 4=3 5=3 6=0 7=0", "total=15", "severe", "positive", "")] // 3+3+3+3+3+0+0 = total=15
    [InlineData("gad-7", "1=3 2=3 3=3 4=3 5=3 6=3 7=3", "total=21", "severe", "positive", "")] // 3+3+3+3+3+3+3 = total=21
    [InlineData("gad-7", "1=3 2=3 3=3 4=3 5=3 6=3 7=3 8=3", "total=21", "severe", "positive", "")] // 3+3+3+3+3+3+3 = total=21
    [InlineData("gad-7", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=3", "total=0", "minimal", "", "")] // 0+0+0+0+0+0+0 = total=0
    [InlineData("gad-7", "1=2 2=2 3=2 4=2 5=1 6=0 7=0 8=0", "total=9", "mild", "", "")] // 2+2+2+2+1+0+0 = total=9
    [InlineData("gad-7", "1=2 2=2 3=2 4=2 5=1 6=0 7=0 8=2", "total=9", "mild", "", "")] // 2+2+2+2+1+0+0 = total=9
    [InlineData("gad-7", "1=0 2=1 3=2 4=3 5=0 6=1 7=2", "total=9", "mild", "", "")] // 0+1+2+3+0+1+2 = total=9
    [InlineData("gad-7", "1=1 2=2 3=3 4=0 5=1 6=2 7=3 8=1", "total=12", "moderate", "positive", "")] // 1+2+3+0+1+2+3 = total=12
    [InlineData("gad-7", "2=0 3=0 4=0 5=0 6=0 7=0", "", "", "", "")] // incomplete: missing 1
    [InlineData("gad-7", "1=3 2=3 3=3 4=3 5=3 6=3 8=3", "", "", "", "")] // incomplete: missing 7
    [InlineData("gad-7", "1=0 2=0 3=0 4=0 5=0 6=0 7=0 8=9", "", "", "", "")] // incomplete: unknown answer 8=9
    [InlineData("gad-7", "1=2 2=2 3=2 4=2 5=2 6=2 7=2", "total=14", "moderate", "positive", "")] // 2+2+2+2+2+2+2 = total=14
    [InlineData("gad-2", "1=0 2=0", "total=0", "negative", "", "")] // 0+0 = total=0
    [InlineData("gad-2", "1=1 2=1", "total=2", "negative", "", "")] // 1+1 = total=2
    [InlineData("gad-2", "1=0 2=2", "total=2", "negative", "", "")] // 0+2 = total=2
    [InlineData("gad-2", "1=1 2=2", "total=3", "positive", "positive", "")] // 1+2 = total=3
    [InlineData("gad-2", "1=3 2=0", "total=3", "positive", "positive", "")] // 3+0 = total=3
    [InlineData("gad-2", "1=2 2=2", "total=4", "positive", "positive", "")] // 2+2 = total=4
    [InlineData("gad-2", "1=3 2=3", "total=6", "positive", "positive", "")] // 3+3 = total=6
    [InlineData("gad-2", "2=2", "", "", "", "")] // incomplete: missing 1
    [InlineData("gad-2", "1=2", "", "", "", "")] // incomplete: missing 2
    [InlineData("gad-2", "1=2 2=x", "", "", "", "")] // incomplete: unknown answer 2=x
    [InlineData("who-5", "1=0 2=0 3=0 4=0 5=0", "raw=0 percentage=0", "likely-depression", "poor-wellbeing depression-likely", "")] // 0+0+0+0+0 = raw=0 percentage=0 (raw x 4)
    [InlineData("who-5", "1=1 2=1 3=1 4=1 5=1", "raw=5 percentage=20", "likely-depression", "poor-wellbeing depression-likely", "")] // 1+1+1+1+1 = raw=5 percentage=20 (raw x 4)
    [InlineData("who-5", "1=2 2=2 3=1 4=1 5=1", "raw=7 percentage=28", "likely-depression", "poor-wellbeing depression-likely", "")] // 2+2+1+1+1 = raw=7 percentage=28 (raw x 4)
    [InlineData("who-5", "1=2 2=2 3=2 4=1 5=1", "raw=8 percentage=32", "poor", "poor-wellbeing", "")] // 2+2+2+1+1 = raw=8 percentage=32 (raw x 4)
    [InlineData("who-5", "1=3 2=3 3=2 4=2 5=2", "raw=12 percentage=48", "poor", "poor-wellbeing", "")] // 3+3+2+2+2 = raw=12 percentage=48 (raw x 4)
    [InlineData("who-5", "1=3 2=3 3=3 4=2 5=2", "raw=13 percentage=52", "adequate", "", "")] // 3+3+3+2+2 = raw=13 percentage=52 (raw x 4)
    [InlineData("who-5", "1=4 2=4 3=4 4=4 5=4", "raw=20 percentage=80", "adequate", "", "")] // 4+4+4+4+4 = raw=20 percentage=80 (raw x 4)
    [InlineData("who-5", "1=5 2=5 3=5 4=5 5=5", "raw=25 percentage=100", "adequate", "", "")] // 5+5+5+5+5 = raw=25 percentage=100 (raw x 4)
    [InlineData("who-5", "1=5 2=0 3=0 4=0 5=2", "raw=7 percentage=28", "likely-depression", "poor-wellbeing depression-likely", "")] // 5+0+0+0+2 = raw=7 percentage=28 (raw x 4)
    [InlineData("who-5", "1=0 2=0 3=0 4=3 5=5", "raw=8 percentage=32", "poor", "poor-wellbeing", "")] // 0+0+0+3+5 = raw=8 percentage=32 (raw x 4)
    [InlineData("who-5", "1=5 2=5 3=2 4=0 5=0", "raw=12 percentage=48", "poor", "poor-wellbeing", "")] // 5+5+2+0+0 = raw=12 percentage=48 (raw x 4)
    [InlineData("who-5", "1=0 2=5 3=0 4=5 5=3", "raw=13 percentage=52", "adequate", "", "")] // 0+5+0+5+3 = raw=13 percentage=52 (raw x 4)
    [InlineData("who-5", "1=1 2=2 3=3 4=4 5=5", "raw=15 percentage=60", "adequate", "", "")] // 1+2+3+4+5 = raw=15 percentage=60 (raw x 4)
    [InlineData("who-5", "1=0 2=0 3=0 4=0 5=1", "raw=1 percentage=4", "likely-depression", "poor-wellbeing depression-likely", "")] // 0+0+0+0+1 = raw=1 percentage=4 (raw x 4)
    [InlineData("who-5", "1=5 2=5 3=5 4=5 5=4", "raw=24 percentage=96", "adequate", "", "")] // 5+5+5+5+4 = raw=24 percentage=96 (raw x 4)
    [InlineData("who-5", "1=3 2=3 3=3 4=3", "", "", "", "")] // incomplete: missing 5
    [InlineData("who-5", "2=0 3=0 4=0 5=0", "", "", "", "")] // incomplete: missing 1
    [InlineData("who-5", "1=3 2=3 3=3 4=3 5=6", "", "", "", "")] // incomplete: unknown answer 5=6
    [InlineData("who-5", "1=2 2=3 3=2 4=3 5=2", "raw=12 percentage=48", "poor", "poor-wellbeing", "")] // 2+3+2+3+2 = raw=12 percentage=48 (raw x 4)
    [InlineData("who-5", "1=4 2=1 3=1 4=1 5=1", "raw=8 percentage=32", "poor", "poor-wellbeing", "")] // 4+1+1+1+1 = raw=8 percentage=32 (raw x 4)
    [InlineData("k6", "1=0 2=0 3=0 4=0 5=0 6=0", "total=0", "low", "", "")] // 0+0+0+0+0+0 = total=0
    [InlineData("k6", "1=1 2=1 3=1 4=1 5=0 6=0", "total=4", "low", "", "")] // 1+1+1+1+0+0 = total=4
    [InlineData("k6", "1=1 2=1 3=1 4=1 5=1 6=0", "total=5", "moderate", "", "")] // 1+1+1+1+1+0 = total=5
    [InlineData("k6", "1=2 2=2 3=2 4=2 5=2 6=2", "total=12", "moderate", "", "")] // 2+2+2+2+2+2 = total=12
    [InlineData("k6", "1=3 2=2 3=2 4=2 5=2 6=2", "total=13", "serious", "serious-distress", "")] // 3+2+2+2+2+2 = total=13
    [InlineData("k6", "1=4 2=4 3=4 4=4 5=4 6=4", "total=24", "serious", "serious-distress", "")] // 4+4+4+4+4+4 = total=24
    [InlineData("k6", "1=4 2=4 3=4 4=0 5=0 6=0", "total=12", "moderate", "", "")] // 4+4+4+0+0+0 = total=12
    [InlineData("k6", "1=4 2=4 3=4 4=1 5=0 6=0", "total=13", "serious", "serious-distress", "")] // 4+4+4+1+0+0 = total=13
    [InlineData("k6", "1=0 2=0 3=0 4=0 5=0 6=4", "total=4", "low", "", "")] // 0+0+0+0+0+4 = total=4
    [InlineData("k6", "1=0 2=0 3=0 4=0 5=1 6=4", "total=5", "moderate", "", "")] // 0+0+0+0+1+4 = total=5
    [InlineData("k6", "1=3 2=3 3=3 4=3 5=3 6=3", "total=18", "serious", "serious-distress", "")] // 3+3+3+3+3+3 = total=18
    [InlineData("k6", "1=1 2=0 3=1 4=0 5=1 6=0", "total=3", "low", "", "")] // 1+0+1+0+1+0 = total=3
    [InlineData("k6", "1=2 2=2 3=2 4=2 5=2", "", "", "", "")] // incomplete: missing 6
    [InlineData("k6", "2=4 3=4 4=4 5=4 6=4", "", "", "", "")] // incomplete: missing 1
    [InlineData("k6", "1=2 2=2 3=2 4=2 5=2 6=2 7=1", "", "", "", "")] // incomplete: unknown answer 7=1
    [InlineData("k6", "1=0 2=1 3=2 4=3 5=4 6=2", "total=12", "moderate", "", "")] // 0+1+2+3+4+2 = total=12
    [InlineData("k10", "1=1 2=1 4=1 5=1 7=1 8=1 9=1 10=1", "total=10", "low", "", "")] // 1+1+1(skipped)+1+1+1(skipped)+1+1+1+1 = total=10
    [InlineData("k10", "1=1 2=1 3=1 4=1 5=1 6=1 7=1 8=1 9=1 10=1", "total=10", "low", "", "")] // 1+1+1(skipped)+1+1+1(skipped)+1+1+1+1 = total=10
    [InlineData("k10", "1=2 2=1 4=2 5=1 7=2 8=2 9=2 10=1", "total=15", "low", "", "")] // 2+1+1(skipped)+2+1+1(skipped)+2+2+2+1 = total=15
    [InlineData("k10", "1=2 2=2 3=1 4=2 5=1 7=2 8=2 9=2 10=1", "total=16", "moderate", "", "")] // 2+2+1+2+1+1(skipped)+2+2+2+1 = total=16
    [InlineData("k10", "1=2 2=2 3=2 4=2 5=2 6=2 7=2 8=2 9=2 10=2", "total=20", "moderate", "", "")] // 2+2+2+2+2+2+2+2+2+2 = total=20
    [InlineData("k10", "1=3 2=2 3=2 4=2 5=2 6=2 7=2 8=2 9=2 10=2", "total=21", "moderate", "", "")] // 3+2+2+2+2+2+2+2+2+2 = total=21
    [InlineData("k10", "1=3 2=3 3=2 4=2 5=2 6=2 7=2 8=2 9=2 10=2", "total=22", "high", "high-distress", "")] // 3+3+2+2+2+2+2+2+2+2 = total=22
    [InlineData("k10", "1=3 2=3 3=3 4=3 5=3 6=3 7=3 8=3 9=3 10=2", "total=29", "high", "high-distress", "")] // 3+3+3+3+3+3+3+3+3+2 = total=29
    [InlineData("k10", "1=3 2=3 3=3 4=3 5=3 6=3 7=3 8=3 9=3 10=3", "total=30", "very-high", "high-distress", "")] // 3+3+3+3+3+3+3+3+3+3 = total=30
    [InlineData("k10", "1=5 2=5 3=5 4=5 5=5 6=5 7=5 8=5 9=5 10=5", "total=50", "very-high", "high-distress", "")] // 5+5+5+5+5+5+5+5+5+5 = total=50
    [InlineData("k10", "1=5 2=1 4=5 5=1 7=5 8=5 9=5 10=5", "total=34", "very-high", "high-distress", "")] // 5+1+1(skipped)+5+1+1(skipped)+5+5+5+5 = total=34
    [InlineData("k10", "1=5 2=1 4=5 5=5 6=5 7=5 8=5 9=5 10=5", "total=42", "very-high", "high-distress", "")] // 5+1+1(skipped)+5+5+5+5+5+5+5 = total=42
    [InlineData("k10", "1=5 2=5 3=5 4=5 5=1 7=5 8=5 9=5 10=5", "total=42", "very-high", "high-distress", "")] // 5+5+5+5+1+1(skipped)+5+5+5+5 = total=42
    [InlineData("k10", "1=3 2=1 4=3 5=1 7=3 8=3 9=3 10=3", "total=22", "high", "high-distress", "")] // 3+1+1(skipped)+3+1+1(skipped)+3+3+3+3 = total=22
    [InlineData("k10", "1=2 2=2 4=2 5=2 6=2 7=2 8=2 9=2 10=2", "", "", "", "")] // incomplete: missing 3
    [InlineData("k10", "1=2 2=2 3=2 4=2 5=2 7=2 8=2 9=2 10=2", "", "", "", "")] // incomplete: missing 6
    [InlineData("k10", "1=2 4=2 5=2 6=2 7=2 8=2 9=2 10=2", "", "", "", "")] // incomplete: missing 2
    [InlineData("k10", "1=1 2=1 4=1 5=1 7=1 8=1 9=1 10=1 3=5", "total=10", "low", "", "")] // 1+1+1(skipped)+1+1+1(skipped)+1+1+1+1 = total=10 (3=5 ignored: not asked)
    [InlineData("k10", "1=1 2=1 4=1 5=1 7=1 8=1 9=1 10=1 6=5", "total=10", "low", "", "")] // 1+1+1(skipped)+1+1+1(skipped)+1+1+1+1 = total=10 (6=5 ignored: not asked)
    [InlineData("k10", "1=2 2=2 4=2 5=2 6=2 7=2 8=2 9=2 10=2 3=0", "", "", "", "")] // incomplete: unknown answer 3=0
    [InlineData("k10", "1=1 2=5 3=1 4=1 5=5 6=1 7=1 8=1 9=1 10=1", "total=18", "moderate", "", "")] // 1+5+1+1+5+1+1+1+1+1 = total=18
    [InlineData("k10", "1=4 2=2 3=1 4=3 5=2 6=1 7=2 8=2 9=2 10=2", "total=21", "moderate", "", "")] // 4+2+1+3+2+1+2+2+2+2 = total=21
    [InlineData("k10", "1=4 2=2 3=1 4=3 5=2 6=2 7=2 8=2 9=2 10=2", "total=22", "high", "high-distress", "")] // 4+2+1+3+2+2+2+2+2+2 = total=22
    [InlineData("k10", "1=1 2=2 3=1 4=1 5=2 6=1 7=1 8=1 9=1 10=1", "total=12", "low", "", "")] // 1+2+1+1+2+1+1+1+1+1 = total=12
    [InlineData("c-ssrs-screener", "1=no 2=no 6=no", "risk=0", "none", "", "")] // highest yes none -> risk=0
    [InlineData("c-ssrs-screener", "1=yes 2=no 6=no", "risk=1", "low", "positive", "CrisisOptions")] // highest yes 1:1 -> risk=1
    [InlineData("c-ssrs-screener", "1=no 2=yes 3=no 4=no 5=no 6=no", "risk=1", "low", "positive", "CrisisOptions")] // highest yes 2:1 -> risk=1
    [InlineData("c-ssrs-screener", "1=yes 2=yes 3=no 4=no 5=no 6=no", "risk=1", "low", "positive", "CrisisOptions")] // highest yes 1:1, 2:1 -> risk=1
    [InlineData("c-ssrs-screener", "1=yes 2=yes 3=yes 4=no 5=no 6=no", "risk=2", "moderate", "positive", "Urgent")] // highest yes 1:1, 2:1, 3:2 -> risk=2
    [InlineData("c-ssrs-screener", "1=yes 2=yes 3=no 4=yes 5=no 6=no", "risk=3", "high", "positive", "Imminent")] // highest yes 1:1, 2:1, 4:3 -> risk=3
    [InlineData("c-ssrs-screener", "1=yes 2=yes 3=no 4=no 5=yes 6=no", "risk=3", "high", "positive", "Imminent")] // highest yes 1:1, 2:1, 5:3 -> risk=3
    [InlineData("c-ssrs-screener", "1=no 2=no 6=yes 6b=no", "risk=2", "moderate", "positive", "Urgent")] // highest yes 6:2 -> risk=2
    [InlineData("c-ssrs-screener", "1=no 2=no 6=yes 6b=yes", "risk=3", "high", "positive", "Imminent")] // highest yes 6:2, 6b:3 -> risk=3
    [InlineData("c-ssrs-screener", "1=yes 2=no 6=yes 6b=no", "risk=2", "moderate", "positive", "Urgent")] // highest yes 1:1, 6:2 -> risk=2
    [InlineData("c-ssrs-screener", "1=yes 2=yes 3=yes 4=yes 5=yes 6=yes 6b=yes", "risk=3", "high", "positive", "Imminent")] // highest yes 1:1, 2:1, 3:2, 4:3, 5:3, 6:2, 6b:3 -> risk=3
    [InlineData("c-ssrs-screener", "1=no 2=yes 3=yes 4=no 5=no 6=yes 6b=no", "risk=2", "moderate", "positive", "Urgent")] // highest yes 2:1, 3:2, 6:2 -> risk=2
    [InlineData("c-ssrs-screener", "1=no 2=yes 3=yes 4=yes 5=no 6=no", "risk=3", "high", "positive", "Imminent")] // highest yes 2:1, 3:2, 4:3 -> risk=3
    [InlineData("c-ssrs-screener", "1=no 2=yes 3=no 4=no 5=no 6=yes 6b=yes", "risk=3", "high", "positive", "Imminent")] // highest yes 2:1, 6:2, 6b:3 -> risk=3
    [InlineData("c-ssrs-screener", "1=no 2=no 6=no 4=yes", "risk=0", "none", "", "")] // highest yes none -> risk=0 (4=yes ignored: not asked)
    [InlineData("c-ssrs-screener", "1=no 2=no 6=no 6b=yes", "risk=0", "none", "", "")] // highest yes none -> risk=0 (6b=yes ignored: not asked)
    [InlineData("c-ssrs-screener", "1=yes 2=no 6=no 3=yes", "risk=1", "low", "positive", "CrisisOptions")] // highest yes 1:1 -> risk=1 (3=yes ignored: not asked)
    [InlineData("c-ssrs-screener", "1=no 2=yes 6=no", "", "", "", "CrisisOptions")] // incomplete: missing 3,4,5; critical answer still read -> CrisisOptions
    [InlineData("c-ssrs-screener", "1=no 2=yes 3=yes 5=no 6=no", "", "", "", "Urgent")] // incomplete: missing 4; critical answer still read -> Urgent
    [InlineData("c-ssrs-screener", "1=no 2=yes 3=no 4=yes 5=no", "", "", "", "Imminent")] // incomplete: missing 6; critical answer still read -> Imminent
    [InlineData("c-ssrs-screener", "1=no 2=no 6=yes", "", "", "", "Urgent")] // incomplete: missing 6b; critical answer still read -> Urgent
    [InlineData("c-ssrs-screener", "", "", "", "", "")] // incomplete: missing 1,2,6
    [InlineData("c-ssrs-screener", "1=no 6=no", "", "", "", "")] // incomplete: missing 2
    [InlineData("c-ssrs-screener", "1=no 2=no", "", "", "", "")] // incomplete: missing 6
    [InlineData("c-ssrs-screener", "6=yes 6b=yes", "", "", "", "Imminent")] // incomplete: missing 1,2; critical answer still read -> Imminent
    [InlineData("c-ssrs-screener", "2=no 6=no 1=maybe", "", "", "", "")] // incomplete: unknown answer 1=maybe
    [InlineData("c-ssrs-screener", "1=yes 2=yes 3=yes 4=no 5=no 6=yes 6b=no", "risk=2", "moderate", "positive", "Urgent")] // highest yes 1:1, 2:1, 3:2, 6:2 -> risk=2
    [InlineData("brs", "1=1 2=5 3=1 4=5 5=1 6=5", "mean=1.00", "low", "low-resilience", "")] // (1+(6-5)+1+(6-5)+1+(6-5))/6 = 6/6 -> mean=1.00
    [InlineData("brs", "1=5 2=1 3=5 4=1 5=5 6=1", "mean=5.00", "high", "", "")] // (5+(6-1)+5+(6-1)+5+(6-1))/6 = 30/6 -> mean=5.00
    [InlineData("brs", "1=3 2=3 3=3 4=3 5=3 6=3", "mean=3.00", "normal", "", "")] // (3+(6-3)+3+(6-3)+3+(6-3))/6 = 18/6 -> mean=3.00
    [InlineData("brs", "1=3 2=3 3=3 4=3 5=3 6=4", "mean=2.83", "low", "low-resilience", "")] // (3+(6-3)+3+(6-3)+3+(6-4))/6 = 17/6 -> mean=2.83
    [InlineData("brs", "1=3 2=3 3=3 4=3 5=2 6=3", "mean=2.83", "low", "low-resilience", "")] // (3+(6-3)+3+(6-3)+2+(6-3))/6 = 17/6 -> mean=2.83
    [InlineData("brs", "1=4 2=3 3=3 4=3 5=3 6=3", "mean=3.17", "normal", "", "")] // (4+(6-3)+3+(6-3)+3+(6-3))/6 = 19/6 -> mean=3.17
    [InlineData("brs", "1=4 2=2 3=4 4=2 5=4 6=3", "mean=3.83", "normal", "", "")] // (4+(6-2)+4+(6-2)+4+(6-3))/6 = 23/6 -> mean=3.83
    [InlineData("brs", "1=4 2=2 3=4 4=2 5=4 6=2", "mean=4.00", "normal", "", "")] // (4+(6-2)+4+(6-2)+4+(6-2))/6 = 24/6 -> mean=4.00
    [InlineData("brs", "1=5 2=2 3=4 4=2 5=4 6=2", "mean=4.17", "normal", "", "")] // (5+(6-2)+4+(6-2)+4+(6-2))/6 = 25/6 -> mean=4.17
    [InlineData("brs", "1=5 2=1 3=4 4=2 5=4 6=2", "mean=4.33", "high", "", "")] // (5+(6-1)+4+(6-2)+4+(6-2))/6 = 26/6 -> mean=4.33
    [InlineData("brs", "1=5 2=1 3=5 4=2 5=4 6=2", "mean=4.50", "high", "", "")] // (5+(6-1)+5+(6-2)+4+(6-2))/6 = 27/6 -> mean=4.50
    [InlineData("brs", "1=5 2=5 3=5 4=5 5=5 6=5", "mean=3.00", "normal", "", "")] // (5+(6-5)+5+(6-5)+5+(6-5))/6 = 18/6 -> mean=3.00
    [InlineData("brs", "1=1 2=1 3=1 4=1 5=1 6=1", "mean=3.00", "normal", "", "")] // (1+(6-1)+1+(6-1)+1+(6-1))/6 = 18/6 -> mean=3.00
    [InlineData("brs", "1=2 2=4 3=2 4=4 5=2 6=4", "mean=2.00", "low", "low-resilience", "")] // (2+(6-4)+2+(6-4)+2+(6-4))/6 = 12/6 -> mean=2.00
    [InlineData("brs", "1=3 2=4 3=3 4=3 5=3 6=3", "mean=2.83", "low", "low-resilience", "")] // (3+(6-4)+3+(6-3)+3+(6-3))/6 = 17/6 -> mean=2.83
    [InlineData("brs", "1=3 2=3 3=3 4=3 5=3 6=2", "mean=3.17", "normal", "", "")] // (3+(6-3)+3+(6-3)+3+(6-2))/6 = 19/6 -> mean=3.17
    [InlineData("brs", "1=2 2=3 3=3 4=3 5=3 6=3", "mean=2.83", "low", "low-resilience", "")] // (2+(6-3)+3+(6-3)+3+(6-3))/6 = 17/6 -> mean=2.83
    [InlineData("brs", "1=1 2=5 3=1 4=5 5=1 6=4", "mean=1.17", "low", "low-resilience", "")] // (1+(6-5)+1+(6-5)+1+(6-4))/6 = 7/6 -> mean=1.17
    [InlineData("brs", "1=3 2=3 3=3 4=3 5=3", "", "", "", "")] // incomplete: missing 6
    [InlineData("brs", "2=3 3=3 4=3 5=3 6=3", "", "", "", "")] // incomplete: missing 1
    [InlineData("brs", "1=3 3=3 4=3 5=3 6=3 2=0", "", "", "", "")] // incomplete: unknown answer 2=0
    [InlineData("brs", "1=4 2=2 3=3 4=3 5=4 6=2", "mean=3.67", "normal", "", "")] // (4+(6-2)+3+(6-3)+4+(6-2))/6 = 22/6 -> mean=3.67
    [InlineData("ucla-3", "1=1 2=1 3=1", "total=3", "not-lonely", "", "")] // 1+1+1 = total=3
    [InlineData("ucla-3", "1=2 2=2 3=1", "total=5", "not-lonely", "", "")] // 2+2+1 = total=5
    [InlineData("ucla-3", "1=3 2=1 3=1", "total=5", "not-lonely", "", "")] // 3+1+1 = total=5
    [InlineData("ucla-3", "1=2 2=2 3=2", "total=6", "lonely", "lonely", "")] // 2+2+2 = total=6
    [InlineData("ucla-3", "1=1 2=2 3=3", "total=6", "lonely", "lonely", "")] // 1+2+3 = total=6
    [InlineData("ucla-3", "1=3 2=3 3=2", "total=8", "lonely", "lonely", "")] // 3+3+2 = total=8
    [InlineData("ucla-3", "1=3 2=3 3=3", "total=9", "lonely", "lonely", "")] // 3+3+3 = total=9
    [InlineData("ucla-3", "1=1 2=1 3=2", "total=4", "not-lonely", "", "")] // 1+1+2 = total=4
    [InlineData("ucla-3", "1=3 2=3", "", "", "", "")] // incomplete: missing 3
    [InlineData("ucla-3", "3=1", "", "", "", "")] // incomplete: missing 1,2
    [InlineData("ucla-3", "1=1 2=1 3=4", "", "", "", "")] // incomplete: unknown answer 3=4
    [InlineData("ucla-3", "1=3 2=2 3=2", "total=7", "lonely", "lonely", "")] // 3+2+2 = total=7
    [InlineData("social-cohesion", "1=1 2=1 3=1 4=5 5=5", "mean=1.00", "low", "", "")] // (1+1+1+(6-5)+(6-5))/5 = 5/5 -> mean=1.00
    [InlineData("social-cohesion", "1=5 2=5 3=5 4=1 5=1", "mean=5.00", "high", "", "")] // (5+5+5+(6-1)+(6-1))/5 = 25/5 -> mean=5.00
    [InlineData("social-cohesion", "1=3 2=3 3=3 4=3 5=3", "mean=3.00", "moderate", "", "")] // (3+3+3+(6-3)+(6-3))/5 = 15/5 -> mean=3.00
    [InlineData("social-cohesion", "1=3 2=3 3=2 4=3 5=3", "mean=2.80", "low", "", "")] // (3+3+2+(6-3)+(6-3))/5 = 14/5 -> mean=2.80
    [InlineData("social-cohesion", "1=3 2=3 3=3 4=3 5=4", "mean=2.80", "low", "", "")] // (3+3+3+(6-3)+(6-4))/5 = 14/5 -> mean=2.80
    [InlineData("social-cohesion", "1=4 2=4 3=4 4=2 5=3", "mean=3.80", "moderate", "", "")] // (4+4+4+(6-2)+(6-3))/5 = 19/5 -> mean=3.80
    [InlineData("social-cohesion", "1=4 2=4 3=4 4=2 5=2", "mean=4.00", "high", "", "")] // (4+4+4+(6-2)+(6-2))/5 = 20/5 -> mean=4.00
    [InlineData("social-cohesion", "1=4 2=4 3=3 4=2 5=2", "mean=3.80", "moderate", "", "")] // (4+4+3+(6-2)+(6-2))/5 = 19/5 -> mean=3.80
    [InlineData("social-cohesion", "1=5 2=5 3=4 4=2 5=2", "mean=4.40", "high", "", "")] // (5+5+4+(6-2)+(6-2))/5 = 22/5 -> mean=4.40
    [InlineData("social-cohesion", "1=5 2=5 3=5 4=5 5=5", "mean=3.40", "moderate", "", "")] // (5+5+5+(6-5)+(6-5))/5 = 17/5 -> mean=3.40
    [InlineData("social-cohesion", "1=1 2=1 3=1 4=1 5=1", "mean=2.60", "low", "", "")] // (1+1+1+(6-1)+(6-1))/5 = 13/5 -> mean=2.60
    [InlineData("social-cohesion", "1=2 2=2 3=2 4=4 5=4", "mean=2.00", "low", "", "")] // (2+2+2+(6-4)+(6-4))/5 = 10/5 -> mean=2.00
    [InlineData("social-cohesion", "1=4 2=4 3=4 4=4", "", "", "", "")] // incomplete: missing 5
    [InlineData("social-cohesion", "2=4 3=4 4=4 5=4 1=3.5", "", "", "", "")] // incomplete: unknown answer 1=3.5
    [InlineData("social-cohesion", "1=4 2=3 3=4 4=3 5=3", "mean=3.40", "moderate", "", "")] // (4+3+4+(6-3)+(6-3))/5 = 17/5 -> mean=3.40
    public void Scores_match_the_hand_checked_table(string instrument, string answers, string scores, string band, string flags, string safety)
    {
        var definition = Library.Find(instrument) ?? throw new InvalidOperationException($"No instrument '{instrument}'.");
        var given = answers.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

        var scored = InstrumentScoring.Score(definition, given);

        Assert.Equal(scores.Length > 0, scored.Complete);
        Assert.Equal(scores, string.Join(' ', scored.Scores.Select(s => $"{s.Rule.Id}={Format(s)}")));
        Assert.Equal(band, scored.Band?.Code ?? "");
        Assert.Equal(flags, string.Join(' ', scored.Flags.Select(f => f.Code)));
        Assert.Equal(safety, scored.Safety?.ToString() ?? "");
    }

    // Means are written with their two decimals ("3.00"), whole scores without any.
    private static string Format(ScoreValue score) =>
        score.Value.ToString(score.Rule.Decimals > 0 ? "F" + score.Rule.Decimals : "0", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_table_covers_every_instrument_in_the_library()
    {
        var rows = typeof(HandCheckedScoresTests).GetMethod(nameof(Scores_match_the_hand_checked_table))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]).ToList();
        Assert.True(rows.Count >= 200, $"only {rows.Count} rows");
        Assert.Equal(Library.All.Select(i => i.Id).Order(), rows.Distinct().Order());
    }
}
