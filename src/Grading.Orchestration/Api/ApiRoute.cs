namespace Grading.Orchestration.Api;

/// <summary>One HTTP route of the API: the function name the Functions host gives it, its method and template.</summary>
/// <remarks>Templates are relative to /api (the Functions host's route prefix); the local host adds the prefix.</remarks>
public sealed record ApiRoute(string Name, string Method, string Template, bool Anonymous = false)
{
    public string Path => "/api/" + Template;
}
