using ScottPlot;

namespace Grading.Core.Reports.Html;

/// <summary>The report's charts as SVG markup (ScottPlot 5), ready to inline.</summary>
public static class ReportCharts
{
    public const int Width = 560;
    public const int Height = 360;

    public static string Histogram(IReadOnlyList<double> percents)
    {
        var counts = ScoreHistogram.Count(percents);
        var plot = new Plot();
        var binWidth = 100.0 / ScoreHistogram.Bins;
        var bars = counts.Select((count, i) => new Bar
        {
            Position = (i + 0.5) * binWidth,
            Value = count,
            Size = binWidth * 0.9,
            FillColor = Colors.SteelBlue,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(-1, 101);
        // Counts of answers: a tick at 1.2 answers means nothing to a teacher.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title("Scores");
        plot.XLabel("Score (%)");
        plot.YLabel("Answers");
        return Svg(plot);
    }

    public static string Scatter(IReadOnlyList<(double Human, double Predicted)> percents)
    {
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 100, 100);
        // Solid, not dashed: Skia's SVG canvas has no dash effect; it drew the line solid anyway and printed
        // "Unsupported path effect in addPaint." to the console for every report.
        diagonal.LineColor = Colors.LightGray;
        var points = plot.Add.ScatterPoints(percents.Select(p => p.Human).ToArray(), percents.Select(p => p.Predicted).ToArray());
        points.MarkerSize = 9;
        points.Color = Colors.DarkOrange.WithAlpha(0.7);
        plot.Axes.SetLimits(-5, 105, -5, 105);
        plot.Title("Predicted vs human");
        plot.XLabel("Human score (%)");
        plot.YLabel("Predicted score (%)");
        return Svg(plot);
    }

    // The XML declaration means nothing inside an HTML page; the <svg> element is what gets inlined.
    private static string Svg(Plot plot)
    {
        var svg = plot.GetSvgXml(Width, Height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
