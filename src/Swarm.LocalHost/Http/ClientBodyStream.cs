using Microsoft.AspNetCore.Http;
using Swarm.Api;

namespace Swarm.LocalHost.Http;

/// <summary>
/// The request body as the handlers read it, with Kestrel's complaints about the client turned into the API's problems:
/// a body under the minimum data rate is a 408, one cut short (the connection ended, was reset, or the request was
/// aborted while its body was being read) a 400. Both are the
/// client's fault, so they must reach the dispatcher as problems it answers and audits, not as failures of the swarm.
/// </summary>
sealed class ClientBodyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            throw new ApiProblemException(Problems.RequestBodyTimeout());
        }
        catch (IOException)
        {
            // BadHttpRequestException (an IOException) for a body that ended early; a reset connection is one too.
            throw new ApiProblemException(Problems.IncompleteBody());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The token is the request's own abort signal: the client hung up before its body was all in. Which of this
            // and the IOException above a client sees depends only on timing, so both end the same way.
            throw new ApiProblemException(Problems.IncompleteBody());
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
