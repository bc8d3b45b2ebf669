using System.Diagnostics;
using System.Text.RegularExpressions;
using Grading.Core.Reports;
using Grading.Core.Reports.Html;
using SkiaSharp;

namespace Grading.Core.Tests.Reports.Html;

/// <summary>
/// Opens a generated report.html in real headless Chromium, the way a teacher's browser would: the page must paint
/// both charts. Fails (never skips) when Chromium is missing; scripts/test.sh installs it.
/// </summary>
public sealed class HtmlReportChromiumTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly SKColor SteelBlue = new(70, 130, 180);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "grading-report-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Report_InHeadlessChromium_PaintsBothCharts()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install it (apt-get install -y chromium), as scripts/test.sh does.");
        Directory.CreateDirectory(directory);
        var report = Path.Combine(directory, ResultFiles.ReportHtml);
        await File.WriteAllTextAsync(report, HtmlReportTests.Render(HtmlReportTests.MixedBatch()));
        var url = new Uri(report).AbsoluteUri;

        var dom = await RunChromiumAsync("--dump-dom", url);
        Assert.Equal(2, Regex.Count(dom, "<svg\\b"));
        Assert.Contains("id=\"scatter\"", dom, StringComparison.Ordinal);

        var screenshot = Path.Combine(directory, "report.png");
        await RunChromiumAsync($"--screenshot={screenshot}", "--window-size=1200,2000", url);
        Assert.True(File.Exists(screenshot), "Chromium wrote no screenshot.");
        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.NotNull(bitmap);
        Assert.Equal((1200, 2000), (bitmap.Width, bitmap.Height));

        var pixels = bitmap.Pixels;
        var colours = pixels.Distinct().Count();
        var barPixels = pixels.Count(p => Near(p, SteelBlue));
        // Semi-transparent dark orange markers on white: strong red, middling green, little blue.
        var markerPixels = pixels.Count(p => p.Red > 220 && p.Green is > 150 and < 215 && p.Blue < 150);
        Assert.True(colours > 50, $"The screenshot has only {colours} distinct colours: the page looks blank.");
        Assert.True(barPixels > 500, $"Only {barPixels} pixels of histogram bar colour: the histogram did not paint.");
        Assert.True(markerPixels > 50, $"Only {markerPixels} pixels of marker colour: the scatter did not paint.");
    }

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) <= 8 && Math.Abs(a.Green - b.Green) <= 8 && Math.Abs(a.Blue - b.Blue) <= 8;

    private async Task<string> RunChromiumAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
            "--force-color-profile=srgb", "--hide-scrollbars", $"--user-data-dir={Path.Combine(directory, "profile")}",
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish in 2 minutes: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
