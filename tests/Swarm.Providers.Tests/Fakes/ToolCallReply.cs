namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// A completion in which the model asks for tools: <paramref name="Preamble"/> when it says something first, then
/// <paramref name="Calls"/>, with the vendor's own way of saying it stopped to call tools.
/// </summary>
public sealed record ToolCallReply(IReadOnlyList<FakeToolCall> Calls, string? Preamble, int InputTokens, int OutputTokens) : FakeReply;
