//+------------------------------------------------------------------+
//| BittenJson.mqh — a small JSON reader and writer for BittenBridge |
//| Reads one flat JSON object (the server's commands are flat):     |
//| string, number, true/false/null values; nested objects/arrays    |
//| are skipped correctly (strings inside them included). Escapes    |
//| \" \\ \/ \b \f \n \r \t \uXXXX (BMP) are decoded.                |
//| Written for BITTEN against the MQL5 reference; not compiled here.|
//+------------------------------------------------------------------+
#property strict

#define JSON_STRING 1
#define JSON_NUMBER 2
#define JSON_BOOL   3
#define JSON_NULL   4
#define JSON_NESTED 5

class JsonObject
  {
private:
   string            m_keys[];
   string            m_values[];
   int               m_kinds[];
   int               m_count;
   string            m_text;
   int               m_pos;
   int               m_len;

   void              SkipSpace() { while(m_pos<m_len) { ushort c=StringGetCharacter(m_text,m_pos); if(c==' '||c=='\t'||c=='\r'||c=='\n') m_pos++; else break; } }
   bool              ReadString(string &out);
   bool              ReadBare(string &out);
   bool              SkipNested();
   void              Add(string key,string value,int kind)
     {
      ArrayResize(m_keys,m_count+1); ArrayResize(m_values,m_count+1); ArrayResize(m_kinds,m_count+1);
      m_keys[m_count]=key; m_values[m_count]=value; m_kinds[m_count]=kind; m_count++;
     }
   int               Find(string key) const { for(int i=0;i<m_count;i++) if(m_keys[i]==key) return i; return -1; }

public:
                     JsonObject() : m_count(0), m_pos(0), m_len(0) {}
   bool              Parse(string text);
   bool              Has(string key) const { return Find(key)>=0; }
   int               Kind(string key) const { int i=Find(key); return i<0 ? 0 : m_kinds[i]; }
   string            Str(string key,string fallback="") const { int i=Find(key); return (i>=0 && m_kinds[i]==JSON_STRING) ? m_values[i] : fallback; }
   double            Num(string key,double fallback=0.0) const { int i=Find(key); return (i>=0 && m_kinds[i]==JSON_NUMBER) ? StringToDouble(m_values[i]) : fallback; }
   long              Long(string key,long fallback=0) const { int i=Find(key); return (i>=0 && m_kinds[i]==JSON_NUMBER) ? StringToInteger(m_values[i]) : fallback; }
   bool              Bool(string key,bool fallback=false) const { int i=Find(key); return (i>=0 && m_kinds[i]==JSON_BOOL) ? (m_values[i]=="true") : fallback; }
  };

bool JsonObject::Parse(string text)
  {
   m_text=text; m_len=StringLen(text); m_pos=0; m_count=0;
   ArrayResize(m_keys,0); ArrayResize(m_values,0); ArrayResize(m_kinds,0);
   SkipSpace();
   if(m_pos>=m_len || StringGetCharacter(m_text,m_pos)!='{') return false;
   m_pos++;
   SkipSpace();
   if(m_pos<m_len && StringGetCharacter(m_text,m_pos)=='}') return true;
   while(m_pos<m_len)
     {
      SkipSpace();
      string key;
      if(!ReadString(key)) return false;
      SkipSpace();
      if(m_pos>=m_len || StringGetCharacter(m_text,m_pos)!=':') return false;
      m_pos++;
      SkipSpace();
      if(m_pos>=m_len) return false;
      ushort c=StringGetCharacter(m_text,m_pos);
      string value;
      if(c=='"') { if(!ReadString(value)) return false; Add(key,value,JSON_STRING); }
      else if(c=='{' || c=='[') { if(!SkipNested()) return false; Add(key,"",JSON_NESTED); }
      else
        {
         if(!ReadBare(value)) return false;
         if(value=="true" || value=="false") Add(key,value,JSON_BOOL);
         else if(value=="null") Add(key,"",JSON_NULL);
         else Add(key,value,JSON_NUMBER);
        }
      SkipSpace();
      if(m_pos>=m_len) return false;
      c=StringGetCharacter(m_text,m_pos);
      m_pos++;
      if(c=='}') return true;
      if(c!=',') return false;
     }
   return false;
  }

bool JsonObject::ReadString(string &out)
  {
   out="";
   if(m_pos>=m_len || StringGetCharacter(m_text,m_pos)!='"') return false;
   m_pos++;
   while(m_pos<m_len)
     {
      ushort c=StringGetCharacter(m_text,m_pos++);
      if(c=='"') return true;
      if(c!='\\') { out+=ShortToString(c); continue; }
      if(m_pos>=m_len) return false;
      ushort e=StringGetCharacter(m_text,m_pos++);
      switch(e)
        {
         case '"': out+="\""; break;
         case '\\': out+="\\"; break;
         case '/': out+="/"; break;
         case 'b': out+=ShortToString(8); break;
         case 'f': out+=ShortToString(12); break;
         case 'n': out+="\n"; break;
         case 'r': out+="\r"; break;
         case 't': out+="\t"; break;
         case 'u':
           {
            if(m_pos+4>m_len) return false;
            string hex=StringSubstr(m_text,m_pos,4);
            m_pos+=4;
            out+=ShortToString((ushort)StringToInteger("0x"+hex));
            break;
           }
         default: return false;
        }
     }
   return false;
  }

bool JsonObject::ReadBare(string &out)
  {
   int start=m_pos;
   while(m_pos<m_len)
     {
      ushort c=StringGetCharacter(m_text,m_pos);
      if(c==','||c=='}'||c==' '||c=='\t'||c=='\r'||c=='\n') break;
      m_pos++;
     }
   out=StringSubstr(m_text,start,m_pos-start);
   return StringLen(out)>0;
  }

bool JsonObject::SkipNested()
  {
   int depth=0;
   while(m_pos<m_len)
     {
      ushort c=StringGetCharacter(m_text,m_pos);
      if(c=='"') { string ignored; if(!ReadString(ignored)) return false; continue; }
      m_pos++;
      if(c=='{'||c=='[') depth++;
      else if(c=='}'||c==']') { depth--; if(depth==0) return true; }
     }
   return false;
  }

//--- writer helpers: build {"k":v,...} by appending; JsonEscape makes any string safe
string JsonEscape(string s)
  {
   string out="";
   int n=StringLen(s);
   for(int i=0;i<n;i++)
     {
      ushort c=StringGetCharacter(s,i);
      if(c=='"') out+="\\\"";
      else if(c=='\\') out+="\\\\";
      else if(c=='\n') out+="\\n";
      else if(c=='\r') out+="\\r";
      else if(c=='\t') out+="\\t";
      else if(c<0x20) out+=StringFormat("\\u%04x",c);
      else out+=ShortToString(c);
     }
   return out;
  }

string JStr(string key,string value) { return "\""+key+"\":\""+JsonEscape(value)+"\""; }
string JNum(string key,double value,int digits) { return "\""+key+"\":"+DoubleToString(value,digits); }
string JInt(string key,long value) { return "\""+key+"\":"+IntegerToString(value); }
