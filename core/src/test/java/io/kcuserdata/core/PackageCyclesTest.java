package io.kcuserdata.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.kcuserdata.core.spi.UserDataSpi;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One package per concern, and concerns that depend on each other one way only. */
class PackageCyclesTest {

  private static final JavaClasses CORE = new ClassFileImporter().importPath(classes());

  /** The module's compiled classes, not the test classes beside them. */
  private static Path classes() {
    try {
      return Path.of(UserDataSpi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void thePackagesOfCoreFormNoCycle() {
    slices().matching("io.kcuserdata.core.(**)").should().beFreeOfCycles().check(CORE);
  }
}
