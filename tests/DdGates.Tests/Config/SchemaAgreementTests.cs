using System.Diagnostics;
using System.Text.Json.Nodes;
using DdGates.Config;
using DdGates.Tests.Contract;

namespace DdGates.Tests.Config;

/// <summary>
/// The reader and the editor schema are one rule set: over generated files (a valid gate, then one to three changes drawn
/// from the mistakes people and generators make: numbers for text, quoted booleans and numbers, whole numbers written as
/// 1000.0 or 1e3, nulls, control characters, lengths in characters, mutually exclusive fields), the reader and a real
/// JSON Schema validator (JsonSchema.Net) give the same verdict on every file. Checks only a reader can make (a per-env key
/// naming no env of the gate, a gate declared twice, the scope) are left out of the changes.
/// </summary>
public class SchemaAgreementTests
{
    private static readonly (string What, Action<JsonObject> Change)[] Changes =
    [
        ("env is a number", g => Gate(g)["env"] = 7),
        ("env is a quoted number", g => Gate(g)["env"] = "7"),
        ("env list", g => Gate(g)["env"] = new JsonArray("prod", "staging")),
        ("env list empty", g => Gate(g)["env"] = new JsonArray()),
        ("env listed twice", g => Gate(g)["env"] = new JsonArray("prod", "prod")),
        ("dry_run quoted", g => Gate(g)["dry_run"] = "true"),
        ("dry_run true", g => Gate(g)["dry_run"] = true),
        ("dry_run null", g => Gate(g)["dry_run"] = null),
        ("dry_run per env", g => Gate(g)["dry_run"] = new JsonObject { ["prod"] = true }),
        ("dry_run per env quoted", g => Gate(g)["dry_run"] = new JsonObject { ["prod"] = "false" }),
        ("absent quoted", g => Gate(g)["absent"] = "true"),
        ("absent", g => Gate(g)["absent"] = true),
        ("prune number", g => Gate(g)["prune"] = 1),
        ("identifier null", g => Gate(g)["identifier"] = null),
        ("identifier number", g => Gate(g)["identifier"] = 2024),
        ("identifier", g => Gate(g)["identifier"] = "blue"),
        ("service with NUL", g => Gate(g)["service"] = "web\u0000"),
        ("service with DEL", g => Gate(g)["service"] = "web\u007f"),
        ("service with a no-break space", g => Gate(g)["service"] = "web\u00a0x"),
        ("service with a BOM", g => Gate(g)["service"] = "\ufeffweb"),
        ("service of 200 emoji", g => Gate(g)["service"] = string.Concat(Enumerable.Repeat("\U0001F680", 200))),
        ("service of 201 emoji", g => Gate(g)["service"] = string.Concat(Enumerable.Repeat("\U0001F680", 201))),
        ("service empty", g => Gate(g)["service"] = ""),
        ("rules null", g => Gate(g)["rules"] = null),
        ("unknown gate field", g => Gate(g)["rule"] = new JsonArray()),
        ("name a number", g => Rule(g)["name"] = 7),
        ("name with a leading space", g => Rule(g)["name"] = " P0"),
        ("name ending in a no-break space", g => Rule(g)["name"] = "P0\u00a0"),
        ("name with a newline", g => Rule(g)["name"] = "P\n0"),
        ("name of 200 emoji", g => Rule(g)["name"] = string.Concat(Enumerable.Repeat("\U0001F680", 200))),
        ("name of 201 emoji", g => Rule(g)["name"] = string.Concat(Enumerable.Repeat("\U0001F680", 201))),
        ("type capitalised", g => Rule(g)["type"] = "Monitor"),
        ("rule dry_run quoted", g => Rule(g)["dry_run"] = "true"),
        ("rule dry_run", g => Rule(g)["dry_run"] = false),
        ("query a number", g => Options(g)["query"] = 42),
        ("query empty", g => Options(g)["query"] = ""),
        ("query blank", g => Options(g)["query"] = " \t"),
        ("query a BOM", g => Options(g)["query"] = "\ufeff"),
        ("query with a newline", g => Options(g)["query"] = "service:web\nenv:prod"),
        ("duration quoted", g => Options(g)["duration"] = "300"),
        ("duration 1000.0", g => Options(g)["duration"] = JsonNode.Parse("1000.0")),
        ("duration 1e3", g => Options(g)["duration"] = JsonNode.Parse("1e3")),
        ("duration 7200.5", g => Options(g)["duration"] = 7200.5),
        ("duration -1", g => Options(g)["duration"] = -1),
        ("duration 7201", g => Options(g)["duration"] = 7201),
        ("warmup", g => Options(g)["warmup"] = 60),
        ("fail_on_no_data quoted", g => Options(g)["fail_on_no_data"] = "false"),
        ("fail_on_no_data", g => Options(g)["fail_on_no_data"] = false),
        ("unknown option", g => Options(g)["treshold"] = 3),
        ("options null", g => Rule(g)["options"] = null),
        ("options missing", g => Rule(g).Remove("options")),
        ("monitor_ids numbers", g => MonitorIds(g, new JsonArray(123, 456))),
        ("monitor_ids text", g => MonitorIds(g, new JsonArray("123"))),
        ("monitor_ids objects with a number", g => MonitorIds(g, new JsonArray(new JsonObject { ["id"] = 123, ["groups"] = new JsonArray("env:prod") }))),
        ("monitor_ids not digits", g => MonitorIds(g, new JsonArray("abc"))),
        ("monitor_ids empty", g => MonitorIds(g, new JsonArray())),
        ("monitor_ids 20 digits", g => MonitorIds(g, new JsonArray("12345678901234567890"))),
        ("faulty rule", g => Faulty(g, new JsonObject { ["duration"] = 900, ["excluded_resources"] = new JsonArray("GET /health") })),
        ("faulty rule without options", g => Faulty(g, null)),
        ("faulty rule with a query", g => Faulty(g, new JsonObject { ["query"] = "service:web" })),
        ("faulty rule with both lists", g => Faulty(g, new JsonObject { ["excluded_resources"] = new JsonArray("a"), ["allowed_resources"] = new JsonArray("b") })),
        ("faulty rule with one list empty", g => Faulty(g, new JsonObject { ["excluded_resources"] = new JsonArray(), ["allowed_resources"] = new JsonArray("b") })),
        ("faulty rule, resource a number", g => Faulty(g, new JsonObject { ["excluded_resources"] = new JsonArray(5) })),
        ("service list", g => Gate(g)["service"] = new JsonArray("web", "api")),
        ("service list empty", g => Gate(g)["service"] = new JsonArray()),
        ("service listed twice", g => Gate(g)["service"] = new JsonArray("web", "web")),
        ("service list with a number", g => Gate(g)["service"] = new JsonArray("web", 7)),
        ("service a placeholder", g => Gate(g)["service"] = "{env}"),
        ("identifier a placeholder", g => Gate(g)["identifier"] = "{service}-blue"),
        ("name with placeholders", g => Rule(g)["name"] = "P0 {service} in {env}"),
        ("name with a misspelt placeholder", g => Rule(g)["name"] = "P0 {servce}"),
        ("name with literal braces", g => Rule(g)["name"] = "P0 {{team}}"),
        ("name with a lone brace", g => Rule(g)["name"] = "P0 }"),
        ("query with placeholders", g => Options(g)["query"] = "service:{service} env:{env} team:{identifier}"),
        ("query never closed", g => Options(g)["query"] = "service:{service"),
        ("query with an empty placeholder", g => Options(g)["query"] = "service:{}"),
        ("query with a placeholder in a placeholder", g => Options(g)["query"] = "{ser{env}vice}"),
        ("excluded resource with a placeholder", g => Faulty(g, new JsonObject { ["excluded_resources"] = new JsonArray("GET /{service}/health") })),
        ("excluded resource with a stray brace", g => Faulty(g, new JsonObject { ["excluded_resources"] = new JsonArray("GET /{id") })),
        ("allowed resource with a placeholder", g => Faulty(g, new JsonObject { ["allowed_resources"] = new JsonArray("GET /{service}") })),
        ("allowed resource with a brace", g => Faulty(g, new JsonObject { ["allowed_resources"] = new JsonArray("GET /{id}") })),
        ("monitor group with a placeholder", g => MonitorIds(g, new JsonArray(new JsonObject { ["id"] = "123", ["groups"] = new JsonArray("env:{env}") }))),
        ("scope with a placeholder", g => g["scope"] = new JsonObject { ["services"] = new JsonArray("{service}") }),
        ("scope all", g => g["scope"] = "all"),
        ("scope empty", g => g["scope"] = new JsonObject()),
        ("scope empty list", g => g["scope"] = new JsonObject { ["services"] = new JsonArray() }),
        ("$schema a number", g => g["$schema"] = 7),
        ("gates null", g => g["gates"] = null),
        ("gates an object", g => g["gates"] = new JsonObject()),
    ];

    [Fact]
    public void Reader_and_schema_agree_on_every_generated_file()
    {
        var random = new Random(20261207);
        var disagreements = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var doc = Base();
            var applied = new List<string>();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var (what, change) = Changes[random.Next(Changes.Length)];
                try
                {
                    change(doc);
                    applied.Add(what);
                }
                catch (Exception e) when (e is InvalidOperationException or NullReferenceException or ArgumentOutOfRangeException)
                {
                    // An earlier change removed what this one edits: skip it.
                }
            }

            var json = doc.ToJsonString();
            var reader = DesiredStateLoader.FromGatesFile(json, "gen.json").Diagnostics;
            var schema = GatesSchema.Problems(json);
            if ((reader.Count == 0) != (schema.Count == 0))
            {
                disagreements.Add($"[{string.Join(", ", applied)}] reader: {(reader.Count == 0 ? "valid" : reader[0].PathAndMessage)}; schema: {(schema.Count == 0 ? "valid" : schema[0])}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Distinct().Take(30)));
    }

    [Fact]
    public void Every_change_alone_gets_the_same_verdict_from_both()
    {
        foreach (var (what, change) in Changes)
        {
            var doc = Base();
            change(doc);
            var json = doc.ToJsonString();
            var reader = DesiredStateLoader.FromGatesFile(json, "one.json").Diagnostics;
            var schema = GatesSchema.Problems(json);
            Assert.True((reader.Count == 0) == (schema.Count == 0),
                $"{what}: reader {(reader.Count == 0 ? "valid" : reader[0].PathAndMessage)}; schema {(schema.Count == 0 ? "valid" : schema[0])}");
        }
    }

    [Theory]
    [InlineData("env: 7", "expected a text value, found the number 7")]
    [InlineData("env: prod\n    dry_run: \"true\"", "expected true or false")]
    [InlineData("env: prod\n    absent: \"true\"", "expected true or false")]
    [InlineData("env: \"7\"", null)]
    [InlineData("env: prod\n    rules: [{ name: P0, type: monitor, options: { query: q, duration: 1000.0 } }]", null)]
    [InlineData("env: prod\n    rules: [{ name: P0, type: monitor, options: { query: q, duration: \"300\" } }]", "expected a whole number")]
    public void Yaml_reads_types_as_yaml_1_2_does(string gate, string? problem)
    {
        var read = DesiredStateLoader.FromGatesFile($"gates:\n  - service: web\n    {gate}\n", "t.yaml");

        if (problem is null) Assert.Empty(read.Diagnostics);
        else Assert.Contains(read.Diagnostics, d => d.Message.Contains(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dry_run map keys", 117 * 1024)]
    [InlineData("dry_run map keys", 1024 * 1024)]
    [InlineData("gates", 1024 * 1024)]
    public void A_large_file_validates_in_bounded_time_and_memory(string shape, int bytes)
    {
        var text = shape == "gates" ? ManyGates(bytes) : ManyDryRunKeys(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var read = DesiredStateLoader.FromGatesFile(text, "big.json");

        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"{shape}, {bytes / 1024} KiB: {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(allocated < 250L * 1024 * 1024, $"{shape}, {bytes / 1024} KiB: {allocated / 1024 / 1024} MiB allocated");
        Assert.Equal(shape == "gates", read.Diagnostics.Count == 0);
    }

    /// <summary>One entry with a thousand envs and a dry_run map of many keys, most of them naming no env (each a problem).</summary>
    private static string ManyDryRunKeys(int bytes)
    {
        var envs = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)$"env{i:D4}")]);
        var map = new JsonObject();
        for (var (i, size) = (0, envs.ToJsonString().Length); size < bytes; i++, size += 18) map[$"env{i:D6}x"] = i % 2 == 0; // "env000000x":false,
        return new JsonObject { ["gates"] = new JsonArray(new JsonObject { ["service"] = "web", ["env"] = envs, ["dry_run"] = map }) }.ToJsonString();
    }

    private static string ManyGates(int bytes)
    {
        var gates = new JsonArray();
        for (var i = 0; gates.Count * 160 < bytes; i++)
        {
            gates.Add(new JsonObject
            {
                ["service"] = $"service-{i}",
                ["env"] = new JsonArray("staging", "production"),
                ["dry_run"] = new JsonObject { ["production"] = true },
                ["rules"] = new JsonArray(new JsonObject { ["name"] = "P0", ["type"] = "monitor", ["options"] = new JsonObject { ["query"] = $"service:service-{i} priority:p0" } }),
            });
        }

        return new JsonObject { ["gates"] = gates }.ToJsonString();
    }

    private static JsonObject Base() => new()
    {
        ["gates"] = new JsonArray(new JsonObject
        {
            ["service"] = "web",
            ["env"] = "prod",
            ["rules"] = new JsonArray(new JsonObject
            {
                ["name"] = "P0",
                ["type"] = "monitor",
                ["options"] = new JsonObject { ["query"] = "service:web" },
            }),
        }),
    };

    private static JsonObject Gate(JsonObject doc) => doc["gates"]![0]!.AsObject();

    private static JsonObject Rule(JsonObject doc) => Gate(doc)["rules"]![0]!.AsObject();

    private static JsonObject Options(JsonObject doc) => Rule(doc)["options"]!.AsObject();

    private static void MonitorIds(JsonObject doc, JsonArray ids) => Rule(doc)["options"] = new JsonObject { ["monitor_ids"] = ids };

    private static void Faulty(JsonObject doc, JsonObject? options)
    {
        Rule(doc)["type"] = "faulty_deployment_detection";
        Rule(doc)["options"] = options;
    }
}
