namespace Swarm.Providers.Tests.Fakes;

/// <summary>A reply that never comes: the request is held open until the client disconnects or the server stops.</summary>
public sealed record HangReply : FakeReply;
