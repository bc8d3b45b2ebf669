using System.ComponentModel.DataAnnotations;

namespace Grading.Orchestration.Options;

/// <summary>
/// Where the blobs live. Locally a connection string (Azurite's "UseDevelopmentStorage=true"); in Azure an account
/// name or service URI reached with the managed identity, so no key is ever configured.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(AccountName) && BlobServiceUri is null)
        {
            yield return new ValidationResult(
                "Set Grading:Storage:ConnectionString (local) or Grading:Storage:AccountName / BlobServiceUri (Azure, managed identity).",
                [nameof(ConnectionString), nameof(AccountName), nameof(BlobServiceUri)]);
        }
    }
}
