using System.Text.Json;
using Microsoft.Extensions.AI;
using Swarm.Providers.Tests.Fakes;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Tests;

/// <summary>
/// A tool-using conversation shaped as the agent loop sends it: the agent's instructions as a system message, the task
/// as a user message, tools offered as declarations only (nothing in the stack invokes them), and after a tool round the
/// assistant's calls and a tool message with their results, rebuilt from plain data as the loop rebuilds them from
/// its history.
/// </summary>
static class ToolConversation
{
    public const string AgentId = "agent-weather";
    public const string Instructions = "You are the weather analyst. Use the tools before you answer.";
    public const string Question = "Is it warmer in Paris or in Oslo today?";
    public const string ForecastTool = "mcp__weather__forecast";
    public const string ForecastDescription = "The forecast for one city.";
    public const string AlertsTool = "weather_alerts";
    public const string AlertsDescription = "Active weather alerts for a region.";

    /// <summary>The two calls the fake vendors make in a tool round: two tools, arguments of several types.</summary>
    public static readonly FakeToolCall ParisForecast = new("call_paris_7f3a", ForecastTool, """{"city":"Paris","days":2,"metric":true}""");
    public static readonly FakeToolCall NordicAlerts = new("call_alerts_91bc", AlertsTool, """{"region":"nordics","levels":["red","amber"]}""");

    public const string ParisResult = "Paris: 24 C, sunny.";
    public const string AlertsResult = "No alerts in the nordics.";

    static readonly JsonElement ForecastSchema = Json("""
        {"type":"object","properties":{"city":{"type":"string","description":"City name"},"days":{"type":"integer"},"metric":{"type":"boolean"}},"required":["city"]}
        """);

    static readonly JsonElement AlertsSchema = Json("""
        {"type":"object","properties":{"region":{"type":"string"},"levels":{"type":"array","items":{"type":"string","enum":["red","amber","yellow"]}}},"required":["region","levels"]}
        """);

    /// <summary>The options the loop sends: the tools as declarations, the model choosing, and who is calling.</summary>
    public static ChatOptions Options() => new ModelCallContext(AgentId, "analysis").AttachTo(new ChatOptions
    {
        Tools = [Declaration(ForecastTool, ForecastDescription, ForecastSchema), Declaration(AlertsTool, AlertsDescription, AlertsSchema)],
        ToolMode = ChatToolMode.Auto,
    });

    public static List<ChatMessage> FirstTurn() =>
    [
        new(ChatRole.System, Instructions),
        new(ChatRole.User, Question),
    ];

    /// <summary>The first turn, then the calls the model asked for and what the tools gave back.</summary>
    public static List<ChatMessage> AfterToolRound(IReadOnlyList<FunctionCallContent> calls, IReadOnlyDictionary<string, string> resultsByName)
    {
        var conversation = FirstTurn();
        conversation.Add(new ChatMessage(ChatRole.Assistant, [.. calls.Select(call => new FunctionCallContent(call.CallId, call.Name, Plain(call.Arguments)))]));
        conversation.Add(new ChatMessage(ChatRole.Tool, [.. calls.Select(call => new FunctionResultContent(call.CallId, resultsByName[call.Name]))]));
        return conversation;
    }

    public static Dictionary<string, string> Results() => new(StringComparer.Ordinal)
    {
        [ForecastTool] = ParisResult,
        [AlertsTool] = AlertsResult,
    };

    /// <summary>A call's arguments as JSON text, whatever objects the SDK parsed them into.</summary>
    public static string ArgumentsJson(FunctionCallContent call) => JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions);

    /// <summary>Whether two JSON texts hold the same value, ignoring property order and whitespace.</summary>
    public static bool SameJson(string expected, string actual) => JsonElement.DeepEquals(Json(expected), Json(actual));

    static AIFunctionDeclaration Declaration(string name, string description, JsonElement schema) =>
        AIFunctionFactory.CreateDeclaration(name, description, schema);

    /// <summary>Arguments as the loop keeps them between turns: JSON values, not the SDK's objects.</summary>
    static Dictionary<string, object?> Plain(IDictionary<string, object?>? arguments) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(arguments, AIJsonUtilities.DefaultOptions))!
            .ToDictionary(pair => pair.Key, pair => (object?)pair.Value, StringComparer.Ordinal);

    static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
