using System.Text.Json;

namespace Swarm.Cli.Api;

/// <summary>A successful answer: its status, body as sent (what <c>--json</c> prints) and the body parsed, if it is JSON.</summary>
sealed record ApiAnswer(int Status, string Raw, JsonElement Body, Uri? Location);
