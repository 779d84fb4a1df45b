using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DdGates.Config;

/// <summary>What a YAML scalar is.</summary>
internal enum ScalarKind
{
    Null,
    Boolean,
    Number,
    Text,
}

/// <summary>
/// YAML 1.2's core schema (yaml.org/spec/1.2.2, 10.3): a plain scalar is null, a boolean, a number or text by its spelling;
/// a quoted or block scalar is always text. JSON read as YAML keeps JSON's types, and editors that check a gates file
/// against the JSON schema read YAML the same way, so reader and schema agree on every value.
/// </summary>
internal static partial class Scalars
{
    public static ScalarKind KindOf(YamlScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain) return ScalarKind.Text;
        return scalar.Value switch
        {
            null or "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            var v when Number().IsMatch(v) => ScalarKind.Number,
            _ => ScalarKind.Text,
        };
    }

    /// <summary>The value of a number with no fraction (300, 0x1F, 1e3, 1000.0), as JSON Schema's "integer" reads it; else null.</summary>
    public static decimal? WholeNumber(YamlScalarNode scalar)
    {
        if (KindOf(scalar) != ScalarKind.Number) return null;
        var text = scalar.Value!;
        if (text.StartsWith("0x", StringComparison.Ordinal)) return long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        if (text.StartsWith("0o", StringComparison.Ordinal)) return Octal(text[2..]);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number)) return null;
        return Math.Floor(number) == number && Math.Abs(number) < 1e18 ? (decimal)number : null;
    }

    private static long? Octal(string digits)
    {
        long value = 0;
        foreach (var d in digits)
        {
            if (value > long.MaxValue / 8) return null;
            value = value * 8 + (d - '0');
        }

        return value;
    }

    // The core schema's int (decimal, 0o, 0x) and float forms, including .inf and .nan.
    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Number();
}
