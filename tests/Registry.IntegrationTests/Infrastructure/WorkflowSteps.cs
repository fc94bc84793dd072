using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>The steps of the workflow as HTTP calls, asserting each succeeded.</summary>
public static class WorkflowSteps
{
    public static async Task<string> DraftAsync(this HttpClient applicant, object? body = null)
    {
        var response = await applicant.PostAsJsonAsync("/api/v1/applications", body ?? Samples.Cooperative());
        await Expect(response, HttpStatusCode.Created);
        return (string)(await response.ReadJsonAsync())["id"]!;
    }

    /// <summary>Drafts, then completes (name reservation, required documents) and submits.</summary>
    public static async Task<string> SubmittedAsync(this HttpClient applicant, object? body = null)
    {
        var id = await applicant.DraftAsync(body);
        await applicant.SubmitAsync(id);
        return id;
    }

    /// <summary>Does what a diligent applicant does before submitting, then submits.</summary>
    public static async Task SubmitAsync(this HttpClient applicant, string id)
    {
        await applicant.CompleteAsync(id);
        await Expect(await applicant.PostAsync($"/api/v1/applications/{id}/submit", null), HttpStatusCode.OK);
    }

    /// <summary>Reserves the application's name (cooperatives and unions) and attaches the documents its form requires.</summary>
    public static async Task CompleteAsync(this HttpClient applicant, string id)
    {
        var application = await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        var form = (string)application["legalForm"]!;
        if (form is "COOP" or "UNION")
        {
            var reserved = await applicant.PostAsJsonAsync("/api/v1/name-reservations",
                new { legalForm = form, nameAr = (string?)application["nameAr"], nameLatin = (string?)application["nameLatin"] });
            if (reserved.StatusCode != HttpStatusCode.Conflict)
            {
                await Expect(reserved, HttpStatusCode.Created); // 409: already reserved, by this applicant in these tests
            }
        }

        var attached = (await (await applicant.GetAsync($"/api/v1/applications/{id}/documents")).ReadJsonAsync()).AsArray()
            .Select(d => (string)d!["kind"]!).ToHashSet();
        foreach (var kind in Samples.RequiredDocuments(form).Where(k => !attached.Contains(k)))
        {
            await Expect(await applicant.AttachAsync(id, kind, Samples.Pdf, "document.pdf"), HttpStatusCode.Created);
        }
    }

    public static Task<HttpResponseMessage> AttachAsync(this HttpClient applicant, string id, string kind, byte[] content, string fileName, string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return applicant.PostAsync($"/api/v1/applications/{id}/documents", form);
    }

    /// <summary>
    /// Files a declaration: as JSON alone, or with a document as multipart/form-data (the JSON in a
    /// 'declaration' part, the file in a 'document' part).
    /// </summary>
    public static Task<HttpResponseMessage> DeclareAsync(this HttpClient owner, string number, object declaration, byte[]? document = null, string fileName = "pv.pdf")
    {
        var path = $"/api/v1/organizations/{number}/declarations";
        if (document is null)
        {
            return owner.PostAsJsonAsync(path, declaration);
        }

        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent(System.Text.Json.JsonSerializer.Serialize(declaration, System.Text.Json.JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json"), "declaration" },
            { file, "document", fileName },
        };
        return owner.PostAsync(path, form);
    }

    public static async Task<string> ApproveAsync(this HttpClient official, string applicationId)
    {
        var response = await official.PostAsync($"/api/v1/applications/{applicationId}/approve", null);
        await Expect(response, HttpStatusCode.OK);
        return (string)(await response.ReadJsonAsync())["registrationNumber"]!;
    }

    public static async Task<string> ETagAsync(this HttpClient client, string applicationId)
    {
        var response = await client.GetAsync($"/api/v1/applications/{applicationId}");
        await Expect(response, HttpStatusCode.OK);
        return response.Headers.ETag!.Tag;
    }

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
