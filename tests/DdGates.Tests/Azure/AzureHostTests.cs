using DdGates.Cli.Hosting;
using DdGates.Cli.Inputs;
using DdGates.Model;

namespace DdGates.Tests.Azure;

/// <summary>Exact wire strings of the Azure adapter, read back with the agent's parser.</summary>
public class AzureHostTests
{
    [Fact]
    public void Output_variables_issues_and_completion_are_spelled_for_the_agent()
    {
        var stdout = new StringWriter();
        var host = new AzureHost(stdout, _ => null);

        host.SetOutput(InputTable.Result, "created");
        host.Error("50% failed; see [docs]\nnext", new SourceLocation("/src/gates.yaml", 8, 3));
        host.Fail("stop");

        var lines = stdout.ToString().Split(Environment.NewLine);
        Assert.Equal("##vso[task.setvariable variable=result;isoutput=true]created", lines[0]);
        Assert.Equal("##vso[task.logissue type=error;sourcepath=/src/gates.yaml;linenumber=8;columnnumber=3]50%AZP25 failed; see [docs]%0Anext", lines[1]);
        Assert.Equal("##vso[task.complete result=Failed]stop", lines[3]);
        var issue = AgentLoggingCommands.Parse(stdout.ToString())[1];
        Assert.Equal("50% failed; see [docs]\nnext", issue.Data);
        Assert.Equal("8", issue.Properties["linenumber"]);
    }

    [Fact]
    public void Plain_text_holding_a_command_is_defused()
    {
        var stdout = new StringWriter();
        var host = new AzureHost(stdout, _ => null);

        host.Info("rule \"x ##vso[task.setvariable variable=changed]false\"");
        host.StartGroup("##[error]not an error");

        Assert.Empty(AgentLoggingCommands.Parse(stdout.ToString()));
        Assert.DoesNotContain("##[error]", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_and_site_come_from_the_service_connection_unless_inputs_give_keys()
    {
        var env = new Dictionary<string, string>
        {
            ["INPUT_CONNECTION"] = "7c4d5b7e-1111-4e3b-9a8f-aaaabbbbcccc",
            ["ENDPOINT_AUTH_PARAMETER_7C4D5B7E-1111-4E3B-9A8F-AAAABBBBCCCC_APITOKEN"] = "from-endpoint-api",
            ["ENDPOINT_AUTH_PARAMETER_7C4D5B7E-1111-4E3B-9A8F-AAAABBBBCCCC_APPKEY"] = "from-endpoint-app",
            ["ENDPOINT_URL_7C4D5B7E-1111-4E3B-9A8F-AAAABBBBCCCC"] = "https://app.datadoghq.eu/",
            ["INPUT_SITE"] = "datadoghq.com",
            ["INPUT_APPKEY"] = "from-input",
        };
        var host = new AzureHost(TextWriter.Null, n => env.GetValueOrDefault(n));

        Assert.Equal("from-endpoint-api", host.GetInput(InputTable.ApiKey));
        Assert.Equal("from-input", host.GetInput(InputTable.AppKey));
        Assert.Equal("datadoghq.eu", host.GetInput(InputTable.Site));
        Assert.Equal("apiKey", host.InputName(InputTable.ApiKey));
    }

    [Fact]
    public void Each_summary_section_is_a_file_attached_with_uploadsummary()
    {
        var temp = Directory.CreateTempSubdirectory().FullName;
        var stdout = new StringWriter();
        var host = new AzureHost(stdout, n => n == "AGENT_TEMPDIRECTORY" ? temp : null);

        host.AppendSummary("## one\n");
        host.AppendSummary("## two\n");

        var uploads = AgentLoggingCommands.Parse(stdout.ToString()).Where(c => c.Event == "uploadsummary").Select(c => c.Data).ToList();
        Assert.Equal(2, uploads.Count);
        Assert.All(uploads, p => Assert.StartsWith(temp, p, StringComparison.Ordinal));
        Assert.Equal(["## one\n", "## two\n"], uploads.Select(File.ReadAllText));
    }
}
