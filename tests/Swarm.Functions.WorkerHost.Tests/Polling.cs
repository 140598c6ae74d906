namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>Waiting for durable work (an entity written, an orchestration finished) that lands a moment after a request.</summary>
static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not done within {seconds} s; last read: {value}");
            }

            await Task.Delay(250);
        }
    }
}
