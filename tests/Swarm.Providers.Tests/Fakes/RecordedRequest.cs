namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// One request as it reached <see cref="FakeVendorServer"/>, captured before any reply was written, so failed and
/// hung calls are on record too.
/// </summary>
/// <param name="Path">The request path, such as <c>/v1/chat/completions</c>.</param>
/// <param name="Headers">The request headers under case-insensitive names; repeated headers are joined with ", ".</param>
/// <param name="Body">The request body as the client sent it.</param>
/// <param name="Stream">Whether the request asked for a streamed reply, under the vendor's own default.</param>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body, bool Stream);
