using System;
using System.Collections.Generic;
using JwtAuth.Core.Errors;
using JwtAuth.Core.OrgApi;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// What Salesforce's signup says went wrong, with what the user must change: the ErrorCode of a record that ended in Error
    /// (sfdx-core's scratchOrgErrorCodes, reworded), and the REST errors of a refused insert, shown with their code and message.
    /// </summary>
    internal static class ScratchOrgSignupErrors
    {
        private static readonly Dictionary<string, (string Cause, string Fix)> Codes = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["C-1016"] = (
                "the Dev Hub's connected app could not be set up in the new org: the app is not approved for scratch org signup, or the Dev Hub was authorized through an External Client App, which scratch org signup cannot copy",
                "Connect the Dev Hub with a connected app (not an External Client App; since Spring '26 new connected apps cannot be created, so keep and reuse an existing one) whose policies admit its users, " +
                "then run Connect-SfOrgJwt for the Dev Hub with that app's consumer key and New-SfScratchOrg again."),
            ["C-1007"] = (
                "the username in the definition is already taken by another org",
                "Change 'username' in the definition file, or remove it so Salesforce makes a unique one."),
            ["C-1015"] = (
                "the new org's My Domain could not be registered with the DNS provider",
                "Run New-SfScratchOrg again; this is usually temporary."),
            ["C-1017"] = (
                "the namespace prefix in the definition is not valid",
                "Give 'namespace' as a registered prefix (starting with a letter, at most 15 letters, digits and single underscores) or remove it."),
            ["S-1006"] = (
                "the admin e-mail address is not valid",
                "Correct 'adminEmail' in the definition file."),
            ["S-2006"] = (
                "the country code is not valid",
                "Correct 'country' in the definition file (a two-letter code such as US)."),
            ["S-1017"] = (
                "the namespace is not one of a release org linked to this Dev Hub",
                "Link the namespace's org to the Dev Hub (Setup > Namespace Registries) or remove 'namespace'."),
            ["SH-0001"] = (
                "the source org of the shape does not admit this Dev Hub",
                "Have the source org's admin add the Dev Hub's org id under Setup > Org Shape."),
            ["SH-0002"] = (
                "no org shape exists for the source org",
                "Create an org shape in the source org, or remove 'sourceOrg'."),
            ["C-9999"] = (
                "a fatal signup error occurred at Salesforce",
                "Run New-SfScratchOrg again; if it keeps failing, contact Salesforce Support with the ScratchOrgInfo id."),
            ["S-9999"] = (
                "a fatal signup error occurred at Salesforce",
                "Run New-SfScratchOrg again; if it keeps failing, contact Salesforce Support with the ScratchOrgInfo id."),
        };

        /// <summary>A record whose status is Error (or Deleted before it was ever used).</summary>
        public static ScratchOrgException SignupFailed(ScratchOrgInfoRecord record, string hub)
        {
            if (record.Status != ScratchOrgStatus.Error)
            {
                return new ScratchOrgException(ScratchOrgErrorIds.ScratchOrgSignupFailed, JwtAuthErrorKind.InvalidOperation,
                    $"Scratch org {record.Id} ended {record.StatusText} before it was Active.",
                    $"Request a new one; Get-SfScratchOrg -DevHub '{hub}' -All shows the record.", record.Id, scratchOrgInfoId: record.Id);
            }

            var code = record.ErrorCode;
            var known = code != null && Codes.TryGetValue(code, out var entry) ? entry : ((string Cause, string Fix)?)null;
            var cause = known?.Cause ?? "Salesforce gave no cause for it";
            var fix = known?.Fix
                ?? "Look the code up in Salesforce's SignupRequest object reference (its ErrorCode values), correct the definition and run New-SfScratchOrg again.";
            return new ScratchOrgException(ScratchOrgErrorIds.ScratchOrgSignupFailed, JwtAuthErrorKind.InvalidOperation,
                $"Salesforce could not create scratch org {record.Id}: its signup ended in Error {code ?? "(no ErrorCode)"}: {cause}.",
                fix, record.Id, scratchOrgInfoId: record.Id, errorCode: code);
        }

        /// <summary>A refused ScratchOrgInfo insert: Salesforce's code and message, and the fix for what it names.</summary>
        public static ScratchOrgException Refused(OrgApiException refusal, string hub)
        {
            var said = string.Join("; ", refusal.Errors);
            return new ScratchOrgException(ScratchOrgErrorIds.ScratchOrgRequestRefused, refusal.Kind,
                $"The Dev Hub '{hub}' refused the scratch org request ({said}); no org was created for it.",
                FixFor(refusal), hub, refusal, errorCode: refusal.ErrorCode);
        }

        /// <summary>Inserts not sent because Salesforce refused the same request for another org.</summary>
        public static ScratchOrgException NotRequested(int count, int total, ScratchOrgException refusal) => new ScratchOrgException(
            ScratchOrgErrorIds.ScratchOrgsNotRequested, JwtAuthErrorKind.InvalidOperation,
            $"{count} of the {total} scratch orgs were not requested: Salesforce refused the same request for another ({refusal.ErrorCode}).",
            refusal.Fix ?? "Correct the request and run New-SfScratchOrg again.", count, refusal, errorCode: refusal.ErrorCode);

        /// <summary>True for a refusal of the request itself (the same body would be refused again), so further inserts are not sent.</summary>
        public static bool RefusesEveryCopy(OrgApiException refusal) => refusal.StatusCode >= 400 && refusal.StatusCode < 500
            && refusal.ErrorId != OrgApiErrors.SessionExpired && refusal.ErrorId != OrgApiErrors.RequestLimitExceeded;

        private static string FixFor(OrgApiException refusal)
        {
            var fields = refusal.Fields.Count == 0 ? "the field Salesforce names" : string.Join(", ", refusal.Fields);
            switch (refusal.ErrorCode?.ToUpperInvariant())
            {
                case "LIMIT_EXCEEDED":
                    return "The Dev Hub has no scratch orgs left for now: delete the ones you no longer need (Get-SfScratchOrg | Remove-SfScratchOrg), or wait until the daily count frees up.";
                case "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST":
                    return $"Give {fields} a value Salesforce accepts: an edition of Developer, Enterprise, Group, Professional or a partner edition (-Edition, or 'edition' in the definition file), a release of Current, Previous or Preview.";
                case "INVALID_INPUT":
                    return "Remove or correct what the message names in the definition file (for a feature: its 'features' list; check the feature's spelling and whether the Dev Hub may use it).";
                case "INVALID_FIELD":
                    return "Remove that key from the definition file: ScratchOrgInfo has no such field.";
                case "REQUIRED_FIELD_MISSING":
                    return $"Add {fields} to the definition file (or give -Edition).";
                case "FIELD_INTEGRITY_EXCEPTION":
                case "JSON_PARSER_ERROR":
                    return $"Correct the value of {fields} in the definition file.";
                default:
                    return refusal.Fix ?? "Correct what Salesforce's message names and run New-SfScratchOrg again.";
            }
        }
    }
}
