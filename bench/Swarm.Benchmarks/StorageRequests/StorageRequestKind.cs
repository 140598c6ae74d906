namespace Swarm.Benchmarks.StorageRequests;

/// <summary>What one request to the storage emulator did, as far as its method and URL tell.</summary>
enum StorageRequestKind
{
    /// <summary>POST …/{queue}/messages.</summary>
    QueueMessageSent,

    /// <summary>
    /// GET …/{queue}/messages: a receive of up to 32 messages. Whether it returned any, the access log cannot tell:
    /// Azurite streams the answer, so the log's response length is "-".
    /// </summary>
    QueueReceive,

    /// <summary>GET …/{queue}/messages?peekonly=true.</summary>
    QueuePeek,

    /// <summary>DELETE …/{queue}/messages/{id}.</summary>
    QueueMessageDeleted,

    /// <summary>PUT …/{queue}/messages/{id}: a visibility timeout or content changed.</summary>
    QueueMessageUpdated,

    /// <summary>Queue-level requests: create, metadata (queue length), delete, clear.</summary>
    QueueOther,

    /// <summary>GET of a table's entities: a point read or a query.</summary>
    TableRead,

    /// <summary>POST …/{table}: an insert.</summary>
    TableInsert,

    /// <summary>PUT, PATCH or MERGE …/{table}(…): an upsert or an update.</summary>
    TableUpdate,

    /// <summary>DELETE …/{table}(…).</summary>
    TableDelete,

    /// <summary>POST …/$batch: one entity group transaction, however many entities it writes (counted as one request).</summary>
    TableBatch,

    /// <summary>…/Tables: create, list or delete tables.</summary>
    TableOther,

    /// <summary>GET or HEAD of a blob or a container.</summary>
    BlobRead,

    /// <summary>PUT or DELETE of a blob or a container, other than a lease operation.</summary>
    BlobWrite,

    /// <summary>PUT …?comp=lease: acquire, renew, change or release a lease (the backend's partition ownership).</summary>
    BlobLease,

    /// <summary>Account-level requests (list queues or containers, service properties).</summary>
    Account,
}
