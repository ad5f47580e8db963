package io.kcuserdata.it.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.reference.PackContract.Key;
import io.kcuserdata.it.reference.PackContract.Provider;
import io.kcuserdata.it.security.PackRoutes;
import io.kcuserdata.it.security.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.ThemeInfoRepresentation;

/**
 * {@code docs/reference.md} names every part of the pack's public contract that the running server
 * shows: each provider with its SPI, each SPI option, each configuration key, each REST route and
 * each webhook event type, and names no route or option that does not exist. The providers, options
 * and keys come from the pack's JAR as Keycloak loads it ({@link PackContract}), checked against
 * what the server registered; the routes from the pack's JAX-RS classes ({@link PackRoutes}).
 */
@KeycloakIT
class ReferenceIT {

  private static final Pattern DOCUMENTED_ROUTE =
      Pattern.compile(
          "(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD) /(admin/)?realms/\\{realm}/user-data.*");
  private static final Pattern DOCUMENTED_OPTION =
      Pattern.compile("--spi-[a-z0-9-]+--[a-z0-9-]+--[a-z0-9.-]+");

  private static PackContract pack;
  private static ServerInfoRepresentation server;
  private static ReferencePage page;

  @BeforeAll
  static void read(Keycloak admin) {
    pack = PackContract.of(Path.of(System.getProperty("kc.home")));
    server = admin.serverInfo().getInfo();
    page = ReferencePage.inRepository();
  }

  @Test
  void everyFactoryOfThePackCouldBeRead() {
    assertThat(pack.problems()).as("problems reading the pack's factories").isEmpty();
    assertThat(pack.providers()).as("providers found in the pack's JAR").hasSizeGreaterThan(10);
  }

  @Nested
  class Providers {

    @Test
    void everyProviderOfThePackIsRegisteredByTheServer() {
      assertThat(pack.providers())
          .filteredOn(p -> !registered(p.spi()).contains(p.id()))
          .as("providers of the pack's JAR that the server did not register")
          .isEmpty();
    }

    @Test
    void everyProviderIsListedWithItsSpi() {
      assertThat(pack.providers())
          .filteredOn(p -> !page.hasLineWithCode(p.id(), p.spi()))
          .as("providers without a line naming `id` and `SPI` in " + ReferencePage.FILE)
          .isEmpty();
    }

    @Test
    void everyProviderTheServerNamesAfterThePackIsListed() {
      SortedSet<Provider> named = new TreeSet<>();
      server
          .getProviders()
          .forEach(
              (spi, info) ->
                  info.getProviders().keySet().stream()
                      .filter(id -> id.startsWith("userdata") || id.startsWith("user-data"))
                      .forEach(id -> named.add(new Provider(spi, id))));

      assertThat(named).as("the server's providers named after the pack").isNotEmpty();
      assertThat(named)
          .filteredOn(p -> !page.hasLineWithCode(p.id(), p.spi()))
          .as("server providers named after the pack missing from " + ReferencePage.FILE)
          .isEmpty();
    }

    @Test
    void theLoginThemeIsRegisteredAndListed() {
      List<ThemeInfoRepresentation> login = server.getThemes().get("login");

      assertThat(login).extracting(ThemeInfoRepresentation::getName).contains("userdata");
      assertThat(page.sectionsNaming("userdata"))
          .as("a section about the `userdata` login theme")
          .anyMatch(s -> s.heading().contains("login theme"));
    }

    private Set<String> registered(String spi) {
      var info = server.getProviders().get(spi);
      return info == null ? Set.of() : info.getProviders().keySet();
    }
  }

  @Nested
  class ServerOptions {

    @Test
    void everyOptionThePackReadsIsListedAsOperatorsSpellIt() {
      assertThat(pack.options()).as("options the pack's factories declare or read").isNotEmpty();
      assertThat(pack.options())
          .map(Key::commandLine)
          .filteredOn(option -> !page.contains(option))
          .as("SPI options missing from " + ReferencePage.FILE)
          .isEmpty();
    }

    @Test
    void everyOptionListedForAProviderOfThePackExists() {
      Set<String> known = pack.options().stream().map(Key::commandLine).collect(Collectors.toSet());
      Set<String> packPrefixes =
          pack.providers().stream()
              .map(p -> "--spi-" + PackContract.kebab(p.spi()) + "--" + p.id() + "--")
              .collect(Collectors.toSet());

      assertThat(matches(DOCUMENTED_OPTION))
          .filteredOn(option -> packPrefixes.stream().anyMatch(option::startsWith))
          .filteredOn(option -> !known.contains(option))
          .as("options in " + ReferencePage.FILE + " that no factory of the pack reads")
          .isEmpty();
    }

    private Set<String> matches(Pattern pattern) {
      return pattern
          .matcher(String.join("\n", page.codeSpans()))
          .results()
          .map(r -> r.group())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Nested
  class ConfigurationKeys {

    @Test
    void everyKeyIsListedInTheSectionOfItsProvider() {
      assertThat(pack.configKeys()).as("configuration keys of the pack's providers").isNotEmpty();
      assertThat(pack.configKeys())
          .filteredOn(
              key ->
                  page.sectionsNaming(key.provider().id()).stream()
                      .noneMatch(s -> s.body().contains("`" + key.name() + "`")))
          .as(
              "configuration keys missing from the section (a heading naming `id`) of their"
                  + " provider in "
                  + ReferencePage.FILE)
          .isEmpty();
    }
  }

  @Nested
  class Endpoints {

    @Test
    void everyRouteThePackRegistersIsListed() {
      SortedSet<Route> routes = PackRoutes.scan();

      assertThat(routes).as("routes of the pack").hasSizeGreaterThan(20);
      assertThat(routes)
          .map(Route::toString)
          .filteredOn(route -> !page.hasCode(route))
          .as("routes missing from " + ReferencePage.FILE + " (as `METHOD /path`)")
          .isEmpty();
    }

    @Test
    void everyRouteListedExists() {
      Set<String> routes =
          PackRoutes.scan().stream().map(Route::toString).collect(Collectors.toSet());

      assertThat(page.codeSpans())
          .filteredOn(span -> DOCUMENTED_ROUTE.matcher(span).matches())
          .filteredOn(span -> !routes.contains(span))
          .as("routes in " + ReferencePage.FILE + " the pack does not register")
          .isEmpty();
    }
  }

  @Nested
  class WebhookEventTypes {

    @Test
    void everyTypeIsListed() {
      assertThat(pack.eventTypes()).contains("user.created", "ping");
      assertThat(pack.eventTypes())
          .filteredOn(type -> !page.hasCode(type))
          .as("webhook event types missing from " + ReferencePage.FILE)
          .isEmpty();
    }
  }
}
