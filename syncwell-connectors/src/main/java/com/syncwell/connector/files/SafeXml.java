package com.syncwell.connector.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML parsing that never reads a DTD or expands an entity (no XXE, no entity bombs): a document
 * with a DOCTYPE is refused outright. Uses the JDK's own parsers, whatever else is on the class
 * path.
 */
final class SafeXml {
  static final String DOCTYPE_REFUSED = "XML with a DOCTYPE is refused (no DTDs or entities)";

  /**
   * Configured factories, one per thread: the JDK's factories are not documented thread-safe, and
   * building one (a service lookup and feature set-up) cost more than parsing a small file.
   */
  private static final ThreadLocal<XMLInputFactory> STREAMS =
      ThreadLocal.withInitial(SafeXml::streamFactory);

  private static final ThreadLocal<DocumentBuilderFactory> DOCUMENTS =
      ThreadLocal.withInitial(SafeXml::documentFactory);

  private SafeXml() {}

  private static XMLInputFactory streamFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  private static DocumentBuilderFactory documentFactory() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's DOM parser supports these features", e);
    }
  }

  /** Why the bytes can't be read as XML. */
  static final class NotReadable extends Exception {
    private static final long serialVersionUID = 1L;

    NotReadable(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The local name of the root element. */
  static String rootElement(byte[] xml) throws NotReadable {
    XMLInputFactory factory = STREAMS.get();
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw new NotReadable(DOCTYPE_REFUSED);
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          return reader.getLocalName();
        }
      }
      throw new NotReadable("no XML element found");
    } catch (XMLStreamException | RuntimeException e) {
      throw new NotReadable("not well-formed XML: " + Samples.oneLine(e.getMessage()));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing to release for an in-memory stream
        }
      }
    }
  }

  /** The whole document, namespace-aware, parsed with DOCTYPEs disallowed. */
  static Document parse(byte[] xml) throws NotReadable {
    rootElement(xml);
    try {
      DocumentBuilder builder = DOCUMENTS.get().newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's DOM parser supports these features", e);
    } catch (SAXException | IOException | RuntimeException e) {
      throw new NotReadable("not well-formed XML: " + Samples.oneLine(e.getMessage()));
    }
  }
}
