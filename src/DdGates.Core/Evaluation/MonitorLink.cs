using System.Globalization;

namespace DdGates.Evaluation;

/// <summary>
/// A failing monitor's link, opened on the window the rule looked at: its duration before the evaluation started, to
/// the evaluation's end. Datadog's history gives a link whose from_ts and to_ts can be a second apart, which shows nothing.
/// </summary>
public static class MonitorLink
{
    public static string Window(string url, DateTimeOffset started, DateTimeOffset? finished, long? durationSeconds)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return url;
        var from = started.AddSeconds(-Math.Clamp(durationSeconds ?? 0, 0, 86_400 * 7)).ToUnixTimeMilliseconds();
        var to = (finished is { } f && f > started ? f : started.AddMinutes(1)).ToUnixTimeMilliseconds();
        var kept = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("from_ts=", StringComparison.Ordinal) && !p.StartsWith("to_ts=", StringComparison.Ordinal));
        var query = string.Join("&", kept.Append(string.Create(CultureInfo.InvariantCulture, $"from_ts={from}")).Append(string.Create(CultureInfo.InvariantCulture, $"to_ts={to}")));
        return new UriBuilder(uri) { Query = query }.Uri.AbsoluteUri;
    }
}
