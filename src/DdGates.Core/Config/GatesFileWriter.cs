using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DdGates.Exporting;
using DdGates.Model;

namespace DdGates.Config;

/// <summary>
/// An exported file as a gates file: YAML (a schema line, then a comment naming each gate left out) or the same
/// document as JSON. Every value the service defaults is left out; what is written reads back to the same gates. Rule names,
/// queries and excluded resources arrive as templates (<see cref="ExportRule"/>) and are written as they are.
/// </summary>
public static partial class GatesFileWriter
{
    private static readonly string[] YamlWords = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"];

    /// <param name="schemaUrl">Where the file's JSON Schema is published, for editors; null when not known (no schema line).</param>
    public static string Yaml(ExportedFile file, string? schemaUrl)
    {
        var text = new StringBuilder(schemaUrl is null ? "" : $"# yaml-language-server: $schema={schemaUrl}\n");
        text.Append(CultureInfo.InvariantCulture, $"# Exported by dd-gates export: {Plural.Of(file.GateCount, "gate", "gates")} in {Plural.Of(file.Entries.Count, "entry", "entries")}.\n");
        foreach (var left in file.LeftOut) text.Append(CultureInfo.InvariantCulture, $"# Left out: {Comment(left.Key.ToString())}: {Comment(left.Why)}.\n");
        if (file.Entries.Count == 0) return text.Append("gates: []\n").ToString();
        text.Append("gates:\n");
        foreach (var e in file.Entries)
        {
            text.Append("  - service: ").Append(OneOrList(e.Services)).Append('\n');
            text.Append("    env: ").Append(OneOrList(e.Envs)).Append('\n');
            if (e.Identifier != GateKey.DefaultIdentifier) text.Append(CultureInfo.InvariantCulture, $"    identifier: {Scalar(e.Identifier)}\n");
            if (DryRun(e.DryRun) is { } dryRun) text.Append(CultureInfo.InvariantCulture, $"    dry_run: {dryRun}\n");
            if (e.Rules.Count == 0)
            {
                text.Append("    rules: []\n");
                continue;
            }

            text.Append("    rules:\n");
            foreach (var r in e.Rules)
            {
                text.Append(CultureInfo.InvariantCulture, $"      - name: {Scalar(r.Name)}\n");
                text.Append(CultureInfo.InvariantCulture, $"        type: {r.Options.Type.ToWire()}\n");
                if (DryRun(r.DryRun) is { } ruleDryRun) text.Append(CultureInfo.InvariantCulture, $"        dry_run: {ruleDryRun}\n");
                var fields = Fields(r.Options);
                if (fields.Count == 0) text.Append("        options: {}\n");
                else
                {
                    text.Append("        options:\n");
                    foreach (var (name, value) in fields) text.Append(CultureInfo.InvariantCulture, $"          {name}: {Yaml(value)}\n");
                }
            }
        }

        return text.ToString();
    }

    public static string Json(ExportedFile file, string? schemaUrl) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        if (schemaUrl is not null) w.WriteString("$schema", schemaUrl);
        w.WriteStartArray("gates");
        foreach (var e in file.Entries)
        {
            w.WriteStartObject();
            OneOrList(w, "service", e.Services);
            OneOrList(w, "env", e.Envs);

            if (e.Identifier != GateKey.DefaultIdentifier) w.WriteString("identifier", e.Identifier);
            Switch(w, e.DryRun);
            w.WriteStartArray("rules");
            foreach (var r in e.Rules)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Name);
                w.WriteString("type", r.Options.Type.ToWire());
                Switch(w, r.DryRun);
                w.WritePropertyName("options");
                w.WriteStartObject();
                foreach (var (name, value) in Fields(r.Options))
                {
                    w.WritePropertyName(name);
                    Json(w, value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string OneOrList(IReadOnlyList<string> values) => values.Count == 1 ? Scalar(values[0]) : $"[{string.Join(", ", values.Select(Scalar))}]";

    private static void OneOrList(Utf8JsonWriter w, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            w.WriteString(field, values[0]);
            return;
        }

        w.WriteStartArray(field);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    /// <summary>The options' fields in the file's spelling: text, whole numbers, booleans, lists of text, or monitor references.</summary>
    private static List<(string Name, object Value)> Fields(RuleOptions options)
    {
        var fields = new List<(string, object)>();
        void Settings(MonitorSettings s)
        {
            if (s.Duration is { } d) fields.Add(("duration", d));
            if (s.Warmup is { } w) fields.Add(("warmup", w));
            if (s.FailOnNoData is { } n) fields.Add(("fail_on_no_data", n));
            if (s.FailOnNoGroupsFound is { } g) fields.Add(("fail_on_no_groups_found", g));
        }

        switch (options)
        {
            case MonitorQueryOptions q:
                fields.Add(("query", q.Query));
                Settings(q.Settings);
                break;
            case MonitorIdsOptions ids:
                fields.Add(("monitor_ids", ids.MonitorIds));
                Settings(ids.Settings);
                break;
            case FaultyDeploymentOptions f:
                if (f.Duration is { } d) fields.Add(("duration", d));
                if (f.ExcludedResources is { Count: > 0 } ex) fields.Add(("excluded_resources", ex));
                if (f.AllowedResources is { Count: > 0 } al) fields.Add(("allowed_resources", al));
                break;
        }

        return fields;
    }

    private static string Yaml(object value) => value switch
    {
        string s => Scalar(s),
        long n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IEnumerable<MonitorRef> refs => $"[{string.Join(", ", refs.Select(m => m.Groups.Count == 0 ? Scalar(m.Id) : $"{{ id: {Scalar(m.Id)}, groups: [{string.Join(", ", m.Groups.Select(Scalar))}] }}"))}]",
        IEnumerable<string> list => $"[{string.Join(", ", list.Select(Scalar))}]",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static void Json(Utf8JsonWriter w, object value)
    {
        switch (value)
        {
            case string s: w.WriteStringValue(s); break;
            case long n: w.WriteNumberValue(n); break;
            case bool b: w.WriteBooleanValue(b); break;
            case IEnumerable<MonitorRef> refs:
                w.WriteStartArray();
                foreach (var m in refs)
                {
                    if (m.Groups.Count == 0)
                    {
                        w.WriteStringValue(m.Id);
                        continue;
                    }

                    w.WriteStartObject();
                    w.WriteString("id", m.Id);
                    w.WriteStartArray("groups");
                    foreach (var g in m.Groups) w.WriteStringValue(g);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case IEnumerable<string> list:
                w.WriteStartArray();
                foreach (var s in list) w.WriteStringValue(s);
                w.WriteEndArray();
                break;
        }
    }

    /// <summary>Left out when false everywhere (the default); one value when the same everywhere; else one per env.</summary>
    private static string? DryRun(PerEnv dryRun) => dryRun.Same switch
    {
        false => null,
        true => "true",
        null => "{ " + string.Join(", ", dryRun.ByEnv.Select(p => $"{Scalar(p.Key)}: {(p.Value ? "true" : "false")}")) + " }",
    };

    private static void Switch(Utf8JsonWriter w, PerEnv dryRun)
    {
        if (dryRun.Same == false) return;
        if (dryRun.Same == true)
        {
            w.WriteBoolean("dry_run", true);
            return;
        }

        w.WriteStartObject("dry_run");
        foreach (var (env, value) in dryRun.ByEnv) w.WriteBoolean(env, value);
        w.WriteEndObject();
    }

    /// <summary>Plain when it cannot be read as anything but this text; else double-quoted (JSON's escapes are YAML's).</summary>
    private static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !YamlWords.Contains(value.ToLowerInvariant()) && !LooksNumeric().IsMatch(value)
            ? value
            : Quoted(value);

    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static string Comment(string text) => text.ReplaceLineEndings(" ");

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^[-+.]?[0-9]")]
    private static partial Regex LooksNumeric();
}
