package io.findoc.batch.analyzer.structured;

import io.findoc.batch.analyzer.AnalysisError;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses XML with everything that lets a document reach beyond itself turned off: a document type
 * declaration is refused outright (so neither entity expansion, the "billion laughs", nor external
 * entities, XXE, can happen), external DTDs and schemas may not be loaded, XInclude is off and the
 * JDK's secure-processing limits apply. E-invoices and ISO 20022 messages never carry a DTD.
 */
public final class SafeXml {

  private static final DocumentBuilderFactory FACTORY = factory();

  private SafeXml() {}

  /** The parsed document; malformed XML or a DTD fails with {@code STRUCTURED_INVALID}. */
  public static Document parse(String xml) {
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
          });
      return builder.parse(new InputSource(new StringReader(stripBom(xml))));
    } catch (SAXException e) {
      throw AnalysisError.STRUCTURED_INVALID.exception(
          "the XML cannot be read: " + firstLine(e.getMessage()));
    } catch (IOException | ParserConfigurationException e) {
      throw AnalysisError.STRUCTURED_INVALID.exception("the XML cannot be read: " + e.getMessage());
    }
  }

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(true);
    return factory;
  }

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private static String stripBom(String xml) {
    return !xml.isEmpty() && xml.charAt(0) == '\ufeff' ? xml.substring(1) : xml;
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int cut = text.indexOf('\n');
    return cut < 0 ? text : text.substring(0, cut);
  }
}
