namespace Swarm.Benchmarks.StorageRequests;

/// <summary>
/// Tells a request's kind from its method and path-style URL (<c>/devstoreaccount1/…</c>) alone, because one Azurite
/// process serves blobs, queues and tables and its access log does not say which port a request came in on. The shapes
/// used are the storage REST APIs': a queue's messages are <c>/{queue}/messages[/{id}]</c>, table entities
/// <c>/{table}(…)</c> or a POST to <c>/{table}</c>, batches <c>/$batch</c>, and anything deeper is a blob.
/// </summary>
static class StorageRequestClassifier
{
    public static StorageRequestKind Classify(AccessLogLine request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var rest = parts.Length > 0 ? parts[1..] : parts;
        var method = request.Method;
        if (rest.Length == 0)
        {
            return StorageRequestKind.Account;
        }

        if (rest[0] == "$batch")
        {
            return StorageRequestKind.TableBatch;
        }

        if (rest[0] == "Tables" || rest[0].StartsWith("Tables(", StringComparison.Ordinal))
        {
            return StorageRequestKind.TableOther;
        }

        if (rest[0].Contains('(', StringComparison.Ordinal))
        {
            return method switch
            {
                "GET" or "HEAD" => StorageRequestKind.TableRead,
                "DELETE" => StorageRequestKind.TableDelete,
                _ => StorageRequestKind.TableUpdate,
            };
        }

        if (rest.Length == 1 && method == "POST")
        {
            return StorageRequestKind.TableInsert;
        }

        if (request.HasQuery("restype", "container") || (rest.Length >= 2 && rest[1] != "messages"))
        {
            return request.HasQuery("comp", "lease") ? StorageRequestKind.BlobLease
                : method is "GET" or "HEAD" ? StorageRequestKind.BlobRead
                : StorageRequestKind.BlobWrite;
        }

        if (rest.Length == 1)
        {
            return StorageRequestKind.QueueOther;
        }

        return (method, rest.Length) switch
        {
            ("POST", 2) => StorageRequestKind.QueueMessageSent,
            ("GET", 2) when request.HasQuery("peekonly", "true") => StorageRequestKind.QueuePeek,
            ("GET", 2) => StorageRequestKind.QueueReceive,
            ("DELETE", 3) => StorageRequestKind.QueueMessageDeleted,
            ("PUT", 3) => StorageRequestKind.QueueMessageUpdated,
            _ => StorageRequestKind.QueueOther,
        };
    }
}
