using System.Net;
using static DdGates.Tests.Support.Rules;
using DdGates.Api;
using DdGates.Model;
using DdGates.Tests.Support;

namespace DdGates.Tests.Api;

/// <summary>The typed client against the emulator over real HTTP: paging, retries, and what is never retried.</summary>
public class ClientTests
{
    [Fact]
    public async Task Listing_more_than_1000_gates_follows_the_cursor_to_the_end()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Store.Seed(2345, "svc");
        using var client = TestEmulator.Client(emulator);

        var gates = await client.ListGatesAsync(null, default);

        Assert.Equal(2345, gates.Count);
        Assert.Equal(2345, gates.Select(g => g.Id).Distinct().Count());
        var lists = emulator.State.Log.Entries.Where(e => e.Path == "/api/v2/deployment_gates").ToList();
        Assert.Equal(3, lists.Count);
        Assert.All(lists, l => Assert.Contains("page[size]=1000", Uri.UnescapeDataString(l.Query), StringComparison.Ordinal));
        Assert.DoesNotContain("cursor", lists[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_body_goes_with_a_content_length_never_chunked()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.Client(emulator);

        var gate = await client.CreateGateAsync(new GateKey("web", "prod", "default"), false, default);
        await client.UpdateGateAsync(gate.Id, true, default);
        var rule = await client.CreateRuleAsync(gate.Id, Monitor("m"), default);
        await client.UpdateRuleAsync(gate.Id, rule.Id, Monitor("m", "service:other"), default);

        var bodies = emulator.State.Log.Entries.Where(e => e.Method is "POST" or "PUT").ToList();
        Assert.Equal(4, bodies.Count);
        Assert.All(bodies, e => Assert.True(e.ContentLength > 0 && !e.Chunked, $"{e.Method} {e.Path}: length {e.ContentLength}, chunked {e.Chunked}"));
    }

    [Fact]
    public async Task A_429_waits_for_the_reset_header_then_succeeds()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { RateLimitResetSeconds = 1 });
        using var client = TestEmulator.Client(emulator);
        emulator.State.ScriptFaults("GET /api/v2/deployment_gates", "429");

        var gates = await client.ListGatesAsync(null, default);

        Assert.Empty(gates);
        var log = emulator.State.Log.Entries;
        Assert.Equal([429, 200], log.Select(e => e.Status));
        Assert.True(log[1].At - log[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {(log[1].At - log[0].At).TotalMilliseconds} ms, before the 1 s reset");
    }

    [Fact]
    public async Task Server_errors_and_dropped_connections_are_retried()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var retries = new List<string>();
        using var client = TestEmulator.Client(emulator, retries: retries);
        emulator.State.ScriptFaults("GET /api/v2/deployment_gates", "500", "503", "drop");

        await client.ListGatesAsync(null, default);

        Assert.Equal([500, 503, 0, 200], emulator.State.Log.Entries.Select(e => e.Status));
        Assert.Equal(3, retries.Count);
        Assert.All(retries, r => Assert.StartsWith("list gates (page 1)", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_5xx_with_an_empty_body_as_Datadog_sends_it_reads_as_its_status_line()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { FaultRate = 1, FaultKinds = ["503"] });
        using var client = TestEmulator.Client(emulator);

        var e = await Assert.ThrowsAsync<DatadogApiException>(() => client.ListGatesAsync(null, default));

        Assert.Equal("list gates (page 1) failed: Datadog answered 503 Service Unavailable", e.Message);
        Assert.All(emulator.State.Log.Entries, entry => Assert.Equal(503, entry.Status));
    }

    [Fact]
    public async Task A_400_is_not_retried_and_says_what_the_server_said()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.Client(emulator);
        var key = new GateKey("web", "prod", "default");
        await client.CreateGateAsync(key, false, default);

        var error = await Assert.ThrowsAsync<DatadogApiException>(() => client.CreateGateAsync(key, false, default));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.True(error.IsGateAlreadyExists);
        Assert.Contains("Gate already exists with the given env, service and identifier", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, emulator.State.Log.Entries.Count(e => e.Method == "POST"));
    }

    [Fact]
    public async Task Wrong_keys_get_a_403_once_and_the_message_holds_no_key()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { ApiKey = "the-right-key", AppKey = "the-right-app-key" });
        using var client = TestEmulator.Client(emulator);

        var error = await Assert.ThrowsAsync<DatadogApiException>(() => client.ListGatesAsync(null, default));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(emulator.State.Log.Entries);
        Assert.DoesNotContain(TestEmulator.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestEmulator.AppKey, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Forbidden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_round_trip_keeps_every_option_shape()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.Client(emulator);
        var gate = await client.CreateGateAsync(new GateKey("web", "prod", "default"), true, default);
        RuleSpec[] rules =
        [
            Monitor("query", "service:web", 300),
            new("ids", true, new MonitorIdsOptions(new([new MonitorRef("123", new(["env:prod"])), new MonitorRef("456", new([]))]),
                new MonitorSettings(60, 120, true, false))),
            Faulty("fdd", 900, ["GET /healthz"]),
            Faulty("fdd-empty", excluded: []),
        ];

        foreach (var rule in rules) await client.CreateRuleAsync(gate.Id, rule, default);
        var listed = await client.ListRulesAsync(gate.Id, default);

        Assert.True(gate.DryRun);
        Assert.Equal(rules.Length, listed.Count);
        foreach (var rule in rules) Assert.True(listed.Single(r => r.Name == rule.Name).Matches(rule), rule.Name);
        var single = await client.GetRuleAsync(gate.Id, listed[0].Id, default);
        Assert.True(single.Matches(rules[0]));
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_deletes_are_idempotent()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.Client(emulator);
        var gate = await client.CreateGateAsync(new GateKey("web", "prod", "default"), false, default);

        Assert.True(await client.DeleteGateAsync(gate.Id, default));
        Assert.False(await client.DeleteGateAsync(gate.Id, default));
        var missing = await Assert.ThrowsAsync<DatadogApiException>(() => client.GetGateAsync(gate.Id, default));
        Assert.True(missing.IsNotFound);
        Assert.Contains("Gate does not exist", missing.Message, StringComparison.Ordinal);
        var invalid = await Assert.ThrowsAsync<DatadogApiException>(() => client.GetGateAsync("not-a-uuid", default));
        Assert.Contains("attribute \"id\" Invalid id", invalid.Message, StringComparison.Ordinal);
    }
}
