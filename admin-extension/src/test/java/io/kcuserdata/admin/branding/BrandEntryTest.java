package io.kcuserdata.admin.branding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BrandEntryTest {

  @Nested
  class TheFieldsOfARealm {

    @Test
    void areItsBrandAttributesByFieldName() {
      Map<String, String> attributes =
          Map.of(Brand.PRIMARY_COLOR, "#6b3fa0", Brand.LOGO_URL, "https://cdn.example/l.svg");

      assertThat(BrandEntry.fieldsOf(attributes::get))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("primaryColor", "#6b3fa0", "logoUrl", "https://cdn.example/l.svg"));
    }

    @Test
    void leaveOutWhatIsNotSetOrBlankAndTrimTheRest() {
      Map<String, String> attributes =
          Map.of(Brand.PRIMARY_COLOR, " #6b3fa0 ", Brand.LOGO_URL, " ");

      assertThat(BrandEntry.fieldsOf(attributes::get))
          .containsExactly(Map.entry("primaryColor", "#6b3fa0"));
    }

    @Test
    void keepAValueTheThemeIgnoresSoTheTabShowsIt() {
      Map<String, String> attributes = Map.of(Brand.PRIMARY_COLOR, "purple");

      assertThat(BrandEntry.fieldsOf(attributes::get)).containsEntry("primaryColor", "purple");
    }
  }

  @Nested
  class AnEntry {

    @Test
    void showsTheFieldsWhenEachHoldsTheSameValue() {
      Map<String, List<String>> config =
          Map.of(
              "primaryColor", List.of("#6b3fa0"),
              "logoUrl", List.of("https://cdn.example/l.svg"),
              "tab", List.of("userdata"));

      assertThat(
              BrandEntry.shows(
                  config,
                  Map.of("primaryColor", "#6b3fa0", "logoUrl", "https://cdn.example/l.svg")))
          .isTrue();
    }

    @Test
    void doesNotWhenAValueDiffersIsMissingOrIsExtra() {
      Map<String, String> fields = Map.of("primaryColor", "#6b3fa0");

      assertThat(BrandEntry.shows(Map.of("primaryColor", List.of("#000000")), fields)).isFalse();
      assertThat(BrandEntry.shows(Map.of(), fields)).isFalse();
      assertThat(
              BrandEntry.shows(
                  Map.of(
                      "primaryColor", List.of("#6b3fa0"), "logoUrl", List.of("https://x.example")),
                  fields))
          .isFalse();
    }

    @Test
    void withoutValuesShowsARealmWithoutABrand() {
      assertThat(BrandEntry.shows(Map.of("logoUrl", List.of(" ")), Map.of())).isTrue();
    }
  }
}
