using System.Text.Json;

namespace DdGates.Api;

/// <summary>Reads both error shapes the service sends: <c>{"errors":[{"detail":..}]}</c> and <c>{"errors":["..."]}</c>.</summary>
internal static class ApiErrors
{
    public static IReadOnlyList<string> Parse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array) return [];
            return [.. errors.EnumerateArray().Select(Describe).Where(s => s.Length > 0)];
        }
        catch (JsonException)
        {
            return body.Length == 0 ? [] : [body.Length > 200 ? body[..200] + "..." : body];
        }
    }

    private static string Describe(JsonElement error) => error.ValueKind switch
    {
        JsonValueKind.String => error.GetString() ?? "",
        JsonValueKind.Object => Field(error, "detail") ?? Field(error, "title") ?? error.GetRawText(),
        _ => error.GetRawText(),
    };

    private static string? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
