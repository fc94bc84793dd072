using System.Text.Json;
using System.Text.Json.Nodes;

namespace Registry.IntegrationTests.Infrastructure;

public static class Json
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new JsonException("Empty body");
    }
}
