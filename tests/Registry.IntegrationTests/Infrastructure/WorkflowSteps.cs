using System.Net;
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

    public static async Task<string> SubmittedAsync(this HttpClient applicant, object? body = null)
    {
        var id = await applicant.DraftAsync(body);
        await Expect(await applicant.PostAsync($"/api/v1/applications/{id}/submit", null), HttpStatusCode.OK);
        return id;
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
