using System.Net;

namespace Grading.Cli.Hosting;

/// <summary>Where <c>grading serve</c> listens and the key it asks for.</summary>
public sealed record ServeOptions(IReadOnlyList<string> Urls, string? ApiKey)
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The environment variable the key may come from (Grading:ApiKey in configuration terms).</summary>
    public const string ApiKeyVariable = "Grading__ApiKey";

    public static IReadOnlyList<string> ParseUrls(string? urls) =>
        (urls ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Why these options may not be used, or null. Anything but loopback needs a key: the API grades with the host's model and storage.</summary>
    public string? Problem()
    {
        if (Urls.Count == 0)
        {
            return "--urls names no address.";
        }

        foreach (var url in Urls)
        {
            // Kestrel's wildcard hosts ('*', '+') mean every interface.
            var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return $"'{url}' is not an http:// or https:// URL.";
            }

            if (!IsLoopback(uri) && string.IsNullOrEmpty(ApiKey))
            {
                return $"'{url}' is reachable from other machines: give --api-key KEY (or set {ApiKeyVariable}), or listen on 127.0.0.1.";
            }
        }

        return null;
    }

    /// <summary>Whether the URL's host is this machine only (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
