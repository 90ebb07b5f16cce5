package io.leadhub.mapping;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Set;

/** Phone numbers to E.164 with libphonenumber; what it cannot read is kept as sent rather than lost. */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /**
     * E.164 when the number is possible for the default region (or carries its own +country prefix); otherwise the
     * trimmed text. "Possible" (length) rather than "valid" (allocated ranges) so test and newly issued numbers such
     * as +1 555 555 0123 still normalize; but possible as dialled from anywhere, not only locally: 555-0147 lacks
     * its area code, and "+15550147" would be no number at all.
     */
    static String toE164(String number, String defaultRegion) {
        String trimmed = Values.trim(number);
        try {
            PhoneNumber parsed = UTIL.parse(trimmed, defaultRegion);
            return UTIL.isPossibleNumberWithReason(parsed) == ValidationResult.IS_POSSIBLE
                    ? UTIL.format(parsed, PhoneNumberFormat.E164) : trimmed;
        } catch (NumberParseException e) {
            return trimmed;
        }
    }

    static Set<String> regions() {
        return UTIL.getSupportedRegions();
    }
}
