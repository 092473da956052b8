package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.service.AddPrincipal;
import dev.linkport.provider.service.PrincipalRow;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The principal rules the UI and the API share, and how principals are put into words. */
class AddPrincipalTest {

    static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/Reporting",
            "arn:aws:iam::111122223333:role/path/to/Role-1", "arn:aws:iam::111122223333:user/ci.bot@example",
            "arn:aws-us-gov:iam::111122223333:root", "*", " arn:aws:iam::111122223333:root "})
    void accountRootsRolesUsersAndTheWildcardAreAccepted(String arn) {
        assertThat(validator.validate(new AddPrincipal(arn, false))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "111122223333", "arn:aws:iam::11112222333:root", "arn:aws:iam::111122223333:group/x",
            "arn:aws:iam::111122223333:role/", "arn:aws:s3:::bucket", "**", "arn:aws:iam::111122223333:root;x"})
    void anythingElseIsRefusedWithAMessageShowingTheForms(String arn) {
        assertThat(validator.validate(new AddPrincipal(arn, true))).isNotEmpty()
                .allSatisfy(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("arn"));
    }

    @Test
    void principalsAreDescribedInWords() {
        assertThat(view("*").describe()).isEqualTo("Anyone in any AWS account");
        assertThat(view("arn:aws:iam::111122223333:root").describe()).isEqualTo("Account 111122223333");
        assertThat(view("arn:aws:iam::111122223333:role/team/Reporting").describe())
                .isEqualTo("Role team/Reporting in 111122223333");
        assertThat(view("arn:aws:iam::111122223333:user/ci").describe()).isEqualTo("User ci in 111122223333");
    }

    private static PrincipalRow view(String arn) {
        return new PrincipalRow(UUID.randomUUID(), arn, PrincipalSource.MANUAL, PrincipalSyncState.IN_SYNC, null,
                Instant.EPOCH, Instant.EPOCH);
    }
}
