using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary>A list query: how many match, the ids of a slice in a stable order, and the documents for some ids.</summary>
internal sealed record HsdsList(
    Func<CancellationToken, Task<int>> Count,
    Func<int, int, CancellationToken, Task<List<string>>> Ids,
    Func<IReadOnlyList<string>, CancellationToken, Task<IEnumerable<JsonObject>>> Documents);

/// <summary>Answers a list as an HSDS <c>Page</c>, or as newline-delimited JSON streamed in batches.</summary>
internal static class HsdsPages
{
    public const string NdjsonType = "application/x-ndjson";
    private const int StreamBatch = 200;

    public static async Task<Results<JsonHttpResult<JsonObject>, PushStreamHttpResult, ValidationProblem>> AnswerAsync(
        HsdsList list, (int Page, int PerPage, bool Ndjson) paging, CancellationToken ct)
    {
        if (paging.Ndjson) return TypedResults.Stream(stream => StreamAsync(list, stream, ct), NdjsonType);
        var total = await list.Count(ct);
        var ids = await list.Ids((paging.Page - 1) * paging.PerPage, paging.PerPage, ct);
        var contents = ids.Count == 0 ? [] : (await list.Documents(ids, ct)).ToList();
        return TypedResults.Json(Envelope(total, paging.Page, paging.PerPage, contents));
    }

    /// <summary>
    /// The Page envelope. <c>size</c> is the number of items on this page (as the specification
    /// defines it), <c>total_pages</c> is 0 when nothing matches, and a page past the end is empty.
    /// </summary>
    public static JsonObject Envelope(int total, int page, int perPage, IReadOnlyList<JsonObject> contents)
    {
        var pages = (int)((total + (long)perPage - 1) / perPage);
        return new JsonObject
        {
            ["total_items"] = total,
            ["total_pages"] = pages,
            ["page_number"] = page,
            ["size"] = contents.Count,
            ["first_page"] = page == 1,
            ["last_page"] = page >= pages,
            ["empty"] = contents.Count == 0,
            ["contents"] = new JsonArray([.. contents]),
        };
    }

    /// <summary>Every match, one document a line, without paging; written and flushed a batch at a time.</summary>
    private static async Task StreamAsync(HsdsList list, Stream stream, CancellationToken ct)
    {
        for (var skip = 0; ; skip += StreamBatch)
        {
            var ids = await list.Ids(skip, StreamBatch, ct);
            if (ids.Count == 0) return;
            foreach (var document in await list.Documents(ids, ct))
                await stream.WriteAsync(Encoding.UTF8.GetBytes(document.ToJsonString() + "\n"), ct);
            await stream.FlushAsync(ct);
            if (ids.Count < StreamBatch) return;
        }
    }
}
