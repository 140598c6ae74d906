namespace Swarm.Api;

/// <summary>
/// A response body written as it is produced rather than serialized from an object: the MCP endpoint's event stream,
/// whose progress notifications must reach the client while the call still runs. Each host writes it through
/// <see cref="ApiResponse.WriteBodyAsync"/> like any other body; a host that buffers responses (the Functions app's
/// <c>HttpResponseData</c>) sends it whole when it ends.
/// </summary>
public interface IStreamedBody
{
    Task WriteToAsync(Stream destination, CancellationToken cancellationToken);
}
