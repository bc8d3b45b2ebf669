using System.Text.RegularExpressions;

namespace Grading.Core.Reports.Html;

/// <summary>
/// Gives every id in one inlined SVG a prefix: SVGs inlined in one HTML page share one id space, and two charts that
/// both define "clip1" would clip each other.
/// </summary>
public static partial class SvgIds
{
    public static string Prefix(string svg, string prefix)
    {
        svg = IdAttribute().Replace(svg, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{prefix}{m.Groups[1].Value})");
        return HrefReference().Replace(svg, m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("((?:xlink:)?href)=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();
}
