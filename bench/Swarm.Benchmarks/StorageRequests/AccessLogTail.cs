using System.Text;

namespace Swarm.Benchmarks.StorageRequests;

/// <summary>
/// The access log of the Azurite <c>./bench.sh</c> started, followed from the file its standard output goes to: the
/// lines appended after this was started, each kept with the moment it was read, in an <see cref="AccessLog"/>. A
/// scenario on the run's shared Azurite counts the requests between two marks with it, as the storage scenario does on
/// an Azurite of its own.
/// </summary>
sealed class AccessLogTail : IAsyncDisposable
{
    /// <summary>How often the file is read for new lines: a line is stamped up to this late.</summary>
    static readonly TimeSpan ReadPause = TimeSpan.FromMilliseconds(20);

    readonly CancellationTokenSource stop = new();
    readonly Task following;

    AccessLogTail(FileStream file)
    {
        following = FollowAsync(file, stop.Token);
    }

    public AccessLog Log { get; } = new();

    /// <summary>Starts at the file's current end: only requests from now on are counted.</summary>
    public static AccessLogTail Start(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        file.Seek(0, SeekOrigin.End);
        return new AccessLogTail(file);
    }

    async Task FollowAsync(FileStream file, CancellationToken cancellationToken)
    {
        await using var _ = file;
        var buffer = new byte[64 * 1024];
        var partial = new StringBuilder();
        while (!cancellationToken.IsCancellationRequested)
        {
            var read = await file.ReadAsync(buffer, CancellationToken.None);
            if (read == 0)
            {
                try
                {
                    await Task.Delay(ReadPause, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            // Azurite's log lines are ASCII (methods, URLs, status codes), so a read cannot split a character.
            partial.Append(Encoding.ASCII.GetString(buffer, 0, read));
            var text = partial.ToString();
            var end = text.LastIndexOf('\n');
            if (end < 0)
            {
                continue;
            }

            foreach (var line in text[..end].Split('\n'))
            {
                if (line.TrimEnd('\r') is { Length: > 0 } complete)
                {
                    Log.Add(complete);
                }
            }

            partial.Clear().Append(text[(end + 1)..]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await following;
        stop.Dispose();
    }
}
